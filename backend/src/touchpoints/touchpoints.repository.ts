import type { TouchpointScore } from '../responses/responses.reader';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { SlaPolicyEntity } from './sla-policy.entity';
import { TouchpointEntity } from './touchpoint.entity';
import type { TouchpointStage } from './touchpoints.dto';

export type TouchpointValues = Pick<
  TouchpointEntity,
  'name' | 'stage' | 'kind' | 'category' | 'channel' | 'ownerId' | 'backupOwnerId' | 'teamIds' | 'regulation' | 'slaPolicyId' | 'position'
>;

/**
 * A touchpoint with its policy's name and its people as stored (ids); TouchpointPeople turns the ids into members' names
 * through the members and users modules.
 */
export type StoredTouchpointRow = Pick<
  TouchpointEntity,
  | 'id'
  | 'name'
  | 'stage'
  | 'kind'
  | 'category'
  | 'channel'
  | 'regulation'
  | 'slaPolicyId'
  | 'position'
  | 'createdAt'
  | 'updatedAt'
  | 'ownerId'
  | 'backupOwnerId'
  | 'teamIds'
> & { slaPolicyName: string | null };

/** A finished, scored response of a survey linked to a touchpoint (read through the responses module). */
export type TouchpointScoreRow = TouchpointScore;

const SELECT = `
  SELECT t.id, t.name, t.stage, t.kind, t.category, t.channel, t.regulation, t.sla_policy_id AS "slaPolicyId",
         COALESCE(p.name, d.name) AS "slaPolicyName", t.position, t.created_at AS "createdAt", t.updated_at AS "updatedAt",
         t.owner_id AS "ownerId", t.backup_owner_id AS "backupOwnerId", t.team_ids AS "teamIds"
    FROM touchpoints t
    LEFT JOIN sla_policies p ON p.workspace_id = t.workspace_id AND p.id = t.sla_policy_id
    LEFT JOIN sla_policies d ON d.workspace_id = t.workspace_id AND d.is_default`;

const STAGE_ORDER = `array_position(ARRAY['aware','considering','buying','repeat','left']::text[], t.stage::text)`;

@Injectable()
export class TouchpointsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(TouchpointEntity) private readonly touchpoints: Repository<TouchpointEntity>,
    @InjectRepository(SlaPolicyEntity) private readonly policies: Repository<SlaPolicyEntity>,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  list(workspaceId: string): Promise<StoredTouchpointRow[]> {
    return this.dataSource.query(`${SELECT} WHERE t.workspace_id = $1 ORDER BY ${STAGE_ORDER}, t.position, t.name`, [workspaceId]);
  }

  async find(workspaceId: string, id: string): Promise<StoredTouchpointRow | null> {
    const rows: StoredTouchpointRow[] = await this.dataSource.query(`${SELECT} WHERE t.workspace_id = $1 AND t.id = $2`, [workspaceId, id]);
    return rows[0] ?? null;
  }

  async nameTaken(workspaceId: string, name: string, exceptId: string | null): Promise<boolean> {
    const query = this.touchpoints
      .createQueryBuilder('t')
      .where('t.workspace_id = :workspaceId AND lower(t.name) = lower(:name)', { workspaceId, name });
    if (exceptId) query.andWhere('t.id <> :exceptId', { exceptId });
    return query.getExists();
  }

  /** team_ids as stored, members who left included. */
  async storedTeam(workspaceId: string, id: string): Promise<string[]> {
    const row = await this.touchpoints.findOne({ select: { teamIds: true }, where: { workspaceId, id } });
    return row?.teamIds ?? [];
  }

  async policyExists(workspaceId: string, id: string): Promise<boolean> {
    return this.policies.existsBy({ workspaceId, id });
  }

  /** Next position at the end of a stage. */
  async nextPosition(workspaceId: string, stage: TouchpointStage): Promise<number> {
    const row = await this.touchpoints
      .createQueryBuilder('t')
      .select('COALESCE(max(t.position) + 1, 0)::int', 'p')
      .where('t.workspace_id = :workspaceId AND t.stage = :stage', { workspaceId, stage })
      .getRawOne<{ p: number }>();
    return row!.p;
  }

  async insert(workspaceId: string, v: TouchpointValues): Promise<string> {
    const { identifiers } = await this.touchpoints.insert({ workspaceId, ...v });
    return (identifiers[0] as Pick<TouchpointEntity, 'id'>).id;
  }

  async update(workspaceId: string, id: string, v: TouchpointValues, manager: EntityManager): Promise<void> {
    // updated_at is the entity's update date column: TypeORM sets it on every update.
    await manager.getRepository(TouchpointEntity).update({ workspaceId, id }, v);
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    const { affected } = await this.touchpoints.delete({ workspaceId, id });
    return (affected ?? 0) > 0;
  }

  /** Sets stage and position 0..n-1 for the ids in order; returns how many rows matched (one set-based statement). */
  async reorder(workspaceId: string, stage: TouchpointStage, ids: string[]): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `UPDATE touchpoints t SET stage = $2, position = o.ord - 1, updated_at = now()
         FROM unnest($3::uuid[]) WITH ORDINALITY AS o(id, ord)
        WHERE t.workspace_id = $1 AND t.id = o.id`,
      [workspaceId, stage, ids],
    );
    return count;
  }

  async countExisting(workspaceId: string, ids: string[]): Promise<number> {
    return this.touchpoints.countBy({ workspaceId, id: In(ids) });
  }
}
