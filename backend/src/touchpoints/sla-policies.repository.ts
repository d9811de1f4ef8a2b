import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import type { SlaPolicyDto } from './sla-policies.dto';
import { SlaPolicyEntity } from './sla-policy.entity';
import { TouchpointEntity } from './touchpoint.entity';

/** What is stored for a policy (besides ids and timestamps). */
export type SlaPolicyValues = Pick<SlaPolicyEntity, 'name' | 'clock' | 'rules' | 'calendar' | 'warnAtShare'>;

@Injectable()
export class SlaPoliciesRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(SlaPolicyEntity) private readonly policies: Repository<SlaPolicyEntity>,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  private repo(manager?: EntityManager): Repository<SlaPolicyEntity> {
    return manager ? manager.getRepository(SlaPolicyEntity) : this.policies;
  }

  /** Gives the workspace its default policy once (idempotent and race-safe through the one-default index). */
  async ensureDefault(workspaceId: string, values: SlaPolicyValues): Promise<void> {
    if (await this.policies.existsBy({ workspaceId, isDefault: true })) return;
    await this.policies
      .createQueryBuilder()
      .insert()
      .values({ workspaceId, ...values, isDefault: true })
      .orIgnore()
      .execute();
  }

  list(workspaceId: string): Promise<SlaPolicyDto[]> {
    return this.withTouchpointCounts(
      this.policies
        .createQueryBuilder('p')
        .where('p.workspace_id = :workspaceId', { workspaceId })
        .orderBy('p.isDefault', 'DESC')
        .addOrderBy('p.name'),
    );
  }

  async find(workspaceId: string, id: string, manager?: EntityManager): Promise<SlaPolicyDto | null> {
    const [policy] = await this.withTouchpointCounts(
      this.repo(manager).createQueryBuilder('p').where('p.workspace_id = :workspaceId AND p.id = :id', { workspaceId, id }),
    );
    return policy ?? null;
  }

  async findDefault(workspaceId: string): Promise<SlaPolicyDto | null> {
    const [policy] = await this.withTouchpointCounts(
      this.policies.createQueryBuilder('p').where('p.workspace_id = :workspaceId AND p.is_default', { workspaceId }),
    );
    return policy ?? null;
  }

  async nameTaken(workspaceId: string, name: string, exceptId: string | null): Promise<boolean> {
    const query = this.policies
      .createQueryBuilder('p')
      .where('p.workspace_id = :workspaceId AND lower(p.name) = lower(:name)', { workspaceId, name });
    if (exceptId) query.andWhere('p.id <> :exceptId', { exceptId });
    return query.getExists();
  }

  /** The new id, or null when the name is taken. */
  async insert(workspaceId: string, values: SlaPolicyValues): Promise<string | null> {
    const result = await this.policies
      .createQueryBuilder()
      .insert()
      .values({ workspaceId, ...values })
      .onConflict(`(workspace_id, name) DO NOTHING`)
      .returning(['id'])
      .execute();
    return (result.raw as Pick<SlaPolicyEntity, 'id'>[])[0]?.id ?? null;
  }

  async update(workspaceId: string, id: string, values: SlaPolicyValues, manager: EntityManager): Promise<void> {
    // updated_at is the entity's update date column: TypeORM sets it on every update.
    await manager.getRepository(SlaPolicyEntity).update({ workspaceId, id }, values);
  }

  /** Moves the default flag to `id` (clearing the old one first, as only one default may exist). */
  async makeDefault(workspaceId: string, id: string, manager: EntityManager): Promise<void> {
    const repo = manager.getRepository(SlaPolicyEntity);
    await repo
      .createQueryBuilder()
      .update()
      .set({ isDefault: false })
      .where('workspace_id = :workspaceId AND is_default AND id <> :id', { workspaceId, id })
      .execute();
    await repo.update({ workspaceId, id }, { isDefault: true });
  }

  async reassignTouchpoints(workspaceId: string, fromId: string, toId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(TouchpointEntity).update({ workspaceId, slaPolicyId: fromId }, { slaPolicyId: toId });
  }

  async delete(workspaceId: string, id: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(SlaPolicyEntity).delete({ workspaceId, id });
  }

  /** The policies the query selects as DTOs, each with how many touchpoints name it. */
  private async withTouchpointCounts(query: SelectQueryBuilder<SlaPolicyEntity>): Promise<SlaPolicyDto[]> {
    const { entities, raw } = await query
      .addSelect(
        (sub) =>
          sub.select('count(*)::int').from(TouchpointEntity, 't').where('t.workspace_id = p.workspace_id AND t.sla_policy_id = p.id'),
        'touchpoint_count',
      )
      .getRawAndEntities<{ touchpoint_count: number }>();
    return entities.map((p, i) => ({
      id: p.id,
      name: p.name,
      isDefault: p.isDefault,
      clock: p.clock,
      rules: p.rules,
      calendar: p.calendar,
      warnAtShare: p.warnAtShare,
      touchpointCount: raw[i].touchpoint_count,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    }));
  }
}
