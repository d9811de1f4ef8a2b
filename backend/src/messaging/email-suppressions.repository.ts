import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, Repository } from 'typeorm';
import { EmailSuppressionEntity, type SuppressionReason } from './email-suppression.entity';

/** created_at to the millisecond, as the cursor carries it. */
const AT = `date_trunc('milliseconds', s.created_at)`;

@Injectable()
export class EmailSuppressionsRepository {
  constructor(@InjectRepository(EmailSuppressionEntity) private readonly suppressions: Repository<EmailSuppressionEntity>) {}

  find(workspaceId: string, address: string): Promise<EmailSuppressionEntity | null> {
    return this.suppressions.findOneBy({ workspaceId, address: address.toLowerCase() });
  }

  /** First reason wins: a later bounce of an already suppressed address changes nothing. */
  async add(
    workspaceId: string,
    address: string,
    reason: SuppressionReason,
    detail: string,
    messageId: string | null,
    manager?: EntityManager,
  ): Promise<void> {
    await (manager ? manager.getRepository(EmailSuppressionEntity) : this.suppressions)
      .createQueryBuilder()
      .insert()
      .values({ workspaceId, address: address.toLowerCase(), reason, detail: detail.slice(0, 1000), messageId })
      .orIgnore()
      .execute();
  }

  /** Newest first, `limit` rows after the cursor (created_at, address). */
  list(workspaceId: string, limit: number, before?: { at: Date; address: string }): Promise<EmailSuppressionEntity[]> {
    const query = this.suppressions.createQueryBuilder('s').where('s.workspace_id = :workspaceId', { workspaceId });
    if (before) {
      query.andWhere(
        new Brackets((q) =>
          q
            .where(`${AT} < :beforeAt`, { beforeAt: before.at })
            .orWhere(`(${AT} = :beforeAt AND s.address < :beforeAddress)`, { beforeAddress: before.address }),
        ),
      );
    }
    return query.orderBy(AT, 'DESC').addOrderBy('s.address', 'DESC').limit(limit).getMany();
  }

  /** Lifts a suppression: the address is emailed again. False when it was not suppressed. */
  async remove(workspaceId: string, address: string): Promise<boolean> {
    const result = await this.suppressions.delete({ workspaceId, address: address.toLowerCase() });
    return (result.affected ?? 0) > 0;
  }
}
