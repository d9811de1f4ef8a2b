import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CustomerWarningEntity } from './customer-warning.entity';

/** How many of a customer's early warnings were cleared in a period. */
export type CustomerClearedWarnings = { customerExternalId: string; cleared: number };

/** How other modules (the managers report) read early warnings (exported by WarningsReaderModule). */
@Injectable()
export class WarningsReader {
  constructor(@InjectRepository(CustomerWarningEntity) private readonly warnings: Repository<CustomerWarningEntity>) {}

  /** Per customer: warnings cleared in [from, to). */
  clearedByCustomer(workspaceId: string, from: Date, to: Date): Promise<CustomerClearedWarnings[]> {
    return this.warnings
      .createQueryBuilder('w')
      .select('w.customer_external_id', 'customerExternalId')
      .addSelect('count(*)::int', 'cleared')
      .where('w.workspace_id = :workspaceId AND w.cleared_at >= :from AND w.cleared_at < :to', { workspaceId, from, to })
      .groupBy('w.customer_external_id')
      .getRawMany<CustomerClearedWarnings>();
  }
}
