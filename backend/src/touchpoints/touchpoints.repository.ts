import type { TouchpointScore } from '../responses/responses.reader';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { SlaPolicyEntity } from './sla-policy.entity';
import { TouchpointEntity } from './touchpoint.entity';
import type { LinkedSurveyDto, TouchpointDto, TouchpointStage } from './touchpoints.dto';

export type TouchpointValues = Pick<TouchpointEntity,
  'name' | 'stage' | 'kind' | 'category' | 'channel' | 'ownerId' | 'backupOwnerId' | 'teamIds' | 'regulation' | 'slaPolicyId' | 'position'>;

/** A touchpoint with its policy's name and its people's names (joined from the members' tables for display). */
type Row = Pick<TouchpointEntity,
  'id' | 'name' | 'stage' | 'kind' | 'category' | 'channel' | 'regulation' | 'slaPolicyId' | 'position' | 'createdAt' | 'updatedAt' | 'ownerId' | 'backupOwnerId'> & {
  slaPolicyName: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  backupName: string | null;
  backupEmail: string | null;
  team: TouchpointDto['team'];
};

/** A finished, scored response of a survey linked to a touchpoint (read through the responses module). */
export type TouchpointScoreRow = TouchpointScore;

// Owners who left the workspace are shown as unowned: the membership join, not just the user, decides.
const SELECT = `
  SELECT t.id, t.name, t.stage, t.kind, t.category, t.channel, t.regulation, t.sla_policy_id AS "slaPolicyId",
         COALESCE(p.name, d.name) AS "slaPolicyName", t.position, t.created_at AS "createdAt", t.updated_at AS "updatedAt",
         o.id AS "ownerId", o.name AS "ownerName", o.email AS "ownerEmail",
         b.id AS "backupOwnerId", b.name AS "backupName", b.email AS "backupEmail",
         COALESCE((SELECT json_agg(json_build_object('id', u.id, 'name', u.name, 'email', u.email) ORDER BY x.n)
                     FROM unnest(t.team_ids) WITH ORDINALITY AS x(id, n)
                     JOIN memberships tm ON tm.workspace_id = t.workspace_id AND tm.user_id = x.id
                     JOIN users u ON u.id = tm.user_id), '[]'::json) AS team
    FROM touchpoints t
    LEFT JOIN sla_policies p ON p.workspace_id = t.workspace_id AND p.id = t.sla_policy_id
    LEFT JOIN sla_policies d ON d.workspace_id = t.workspace_id AND d.is_default
    LEFT JOIN memberships om ON om.workspace_id = t.workspace_id AND om.user_id = t.owner_id
    LEFT JOIN users o ON o.id = om.user_id
    LEFT JOIN memberships bm ON bm.workspace_id = t.workspace_id AND bm.user_id = t.backup_owner_id
    LEFT JOIN users b ON b.id = bm.user_id`;

const STAGE_ORDER = `array_position(ARRAY['aware','considering','buying','repeat','left']::text[], t.stage::text)`;

function toDto(row: Row): TouchpointDto {
  const { ownerId, ownerName, ownerEmail, backupOwnerId, backupName, backupEmail, ...rest } = row;
  const owner = ownerId ? { id: ownerId, name: ownerName!, email: ownerEmail! } : null;
  const backupOwner = backupOwnerId ? { id: backupOwnerId, name: backupName!, email: backupEmail! } : null;
  return { ...rest, owner, backupOwner, unowned: owner === null };
}

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

  async list(workspaceId: string): Promise<TouchpointDto[]> {
    const rows: Row[] = await this.dataSource.query(`${SELECT} WHERE t.workspace_id = $1 ORDER BY ${STAGE_ORDER}, t.position, t.name`, [workspaceId]);
    return rows.map(toDto);
  }

  async find(workspaceId: string, id: string, manager?: EntityManager): Promise<TouchpointDto | null> {
    const rows: Row[] = await (manager ?? this.dataSource).query(`${SELECT} WHERE t.workspace_id = $1 AND t.id = $2`, [workspaceId, id]);
    return rows[0] ? toDto(rows[0]) : null;
  }

  async nameTaken(workspaceId: string, name: string, exceptId: string | null): Promise<boolean> {
    const query = this.touchpoints.createQueryBuilder('t').where('t.workspace_id = :workspaceId AND lower(t.name) = lower(:name)', { workspaceId, name });
    if (exceptId) query.andWhere('t.id <> :exceptId', { exceptId });
    return query.getExists();
  }

  /** Which of the given users are members of the workspace. */
  async members(workspaceId: string, userIds: string[]): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const rows: { user_id: string }[] = await this.dataSource.query(
      `SELECT user_id FROM memberships WHERE workspace_id = $1 AND user_id = ANY($2::uuid[])`,
      [workspaceId, userIds],
    );
    return new Set(rows.map((r) => r.user_id));
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
    const row = await this.touchpoints.createQueryBuilder('t').select('COALESCE(max(t.position) + 1, 0)::int', 'p')
      .where('t.workspace_id = :workspaceId AND t.stage = :stage', { workspaceId, stage }).getRawOne<{ p: number }>();
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

  /** Keeps surveys pointing at the touchpoint after a rename (surveys link by name). */
  async renameSurveyLinks(workspaceId: string, from: string, to: string, manager: EntityManager): Promise<number> {
    const [, count] = await manager.query(
      `UPDATE surveys SET touchpoint_name = $3, updated_at = now() WHERE workspace_id = $1 AND touchpoint_name = $2`,
      [workspaceId, from, to],
    );
    return count;
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

  /** Surveys linked to each touchpoint by name. */
  async linkedSurveys(workspaceId: string): Promise<Map<string, LinkedSurveyDto[]>> {
    const rows: (LinkedSurveyDto & { touchpointId: string })[] = await this.dataSource.query(
      `SELECT t.id AS "touchpointId", s.id, s.name, s.kind, s.status
         FROM touchpoints t JOIN surveys s ON s.workspace_id = t.workspace_id AND s.touchpoint_name = t.name
        WHERE t.workspace_id = $1 ORDER BY s.name`,
      [workspaceId],
    );
    const out = new Map<string, LinkedSurveyDto[]>();
    for (const { touchpointId, ...survey } of rows) out.set(touchpointId, [...(out.get(touchpointId) ?? []), survey]);
    return out;
  }
}
