import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { EmailSuppressionEntity, type SuppressionReason } from './email-suppression.entity';

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
}
