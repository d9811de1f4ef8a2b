import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ChurnReasonEntity } from './churn-reason.entity';
import type { ReasonDto } from './churn-reasons.dto';
import { DEFAULT_REASONS } from './default-reasons';

type ReasonColumns = Pick<ChurnReasonEntity, 'key' | 'labels' | 'avoidable' | 'reasonGroup' | 'offer' | 'position' | 'archived'>;

const SELECT = { key: true, labels: true, avoidable: true, reasonGroup: true, offer: true, position: true, archived: true } as const;

const toReason = (row: ReasonColumns): ReasonDto => ({
  key: row.key,
  labels: row.labels,
  avoidable: row.avoidable,
  group: row.reasonGroup,
  offer: row.offer,
  position: row.position,
  archived: row.archived,
});

@Injectable()
export class ChurnReasonsRepository {
  constructor(@InjectRepository(ChurnReasonEntity) private readonly reasons: Repository<ChurnReasonEntity>) {}

  /** Gives a workspace the common reason set the first time it needs a taxonomy (idempotent, race-safe). */
  async seedDefaults(workspaceId: string): Promise<void> {
    if (await this.reasons.existsBy({ workspaceId })) return;
    await this.reasons
      .createQueryBuilder()
      .insert()
      .values(
        DEFAULT_REASONS.map((r, i) => ({
          workspaceId,
          key: r.key,
          labels: r.labels,
          avoidable: r.avoidable,
          reasonGroup: r.group,
          offer: r.offer,
          position: i,
        })),
      )
      .orIgnore() // a concurrent first request seeded them already
      .execute();
  }

  async list(workspaceId: string): Promise<ReasonDto[]> {
    const rows = await this.reasons.find({ select: SELECT, where: { workspaceId }, order: { position: 'ASC', key: 'ASC' } });
    return rows.map(toReason);
  }

  async find(workspaceId: string, key: string): Promise<ReasonDto | null> {
    const row = await this.reasons.findOne({ select: SELECT, where: { workspaceId, key } });
    return row && toReason(row);
  }

  /** Inserts a new key; false when the key is taken. */
  async insert(workspaceId: string, reason: Omit<ReasonDto, 'archived'>): Promise<boolean> {
    const result = await this.reasons
      .createQueryBuilder()
      .insert()
      .values({
        workspaceId,
        key: reason.key,
        labels: reason.labels,
        avoidable: reason.avoidable,
        reasonGroup: reason.group,
        offer: reason.offer,
        position: reason.position,
      })
      .orIgnore()
      .returning(['key'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  async update(workspaceId: string, key: string, reason: ReasonDto): Promise<void> {
    await this.reasons.update(
      { workspaceId, key },
      {
        labels: reason.labels,
        avoidable: reason.avoidable,
        reasonGroup: reason.group,
        offer: reason.offer,
        position: reason.position,
        archived: reason.archived,
      },
    );
  }
}
