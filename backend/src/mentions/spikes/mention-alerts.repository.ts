import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { MentionAlertEntity } from './mention-alert.entity';

export type SpikeAlertRow = Pick<MentionAlertEntity, 'id' | 'day' | 'negativeCount' | 'baseline' | 'factor' | 'createdAt'>;

const toRow = ({ id, day, negativeCount, baseline, factor, createdAt }: SpikeAlertRow): SpikeAlertRow => ({
  id,
  day,
  negativeCount,
  baseline,
  factor,
  createdAt,
});

/** mention_alerts: spikes of negative mentions, one per (kind, day). */
@Injectable()
export class MentionAlertsRepository {
  constructor(@InjectRepository(MentionAlertEntity) private readonly alerts: Repository<MentionAlertEntity>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.alerts.manager.transaction(work);
  }

  /** Records the day's spike alert; null when that day already has one. The stored row comes back as stored (real columns rounded). */
  async insertSpike(
    manager: EntityManager,
    workspaceId: string,
    alert: Pick<MentionAlertEntity, 'day' | 'negativeCount' | 'baseline' | 'factor'>,
  ): Promise<SpikeAlertRow | null> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(MentionAlertEntity)
      .values({ workspaceId, kind: 'spike', ...alert })
      .orIgnore()
      .returning(`id, to_char(day, 'YYYY-MM-DD') AS day, negative_count AS "negativeCount", baseline, factor, created_at AS "createdAt"`)
      .execute();
    return (result.raw as SpikeAlertRow[])[0] ?? null;
  }

  async list(workspaceId: string, limit: number): Promise<SpikeAlertRow[]> {
    const rows = await this.alerts.find({
      select: { id: true, day: true, negativeCount: true, baseline: true, factor: true, createdAt: true },
      where: { workspaceId },
      order: { day: 'DESC' },
      take: limit,
    });
    return rows.map(toRow);
  }
}
