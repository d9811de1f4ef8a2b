import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CaseEntity } from './case.entity';

/** A customer whose case closed, and when (the first such close in the window). */
export interface ClosedCaseHit {
  externalId: string;
  at: Date;
}

/** Cases closed in a window, per customer: survey invitations sent "after a case closes" read them here. */
@Injectable()
export class ClosedCasesReader {
  constructor(@InjectRepository(CaseEntity) private readonly cases: Repository<CaseEntity>) {}

  /** Customers with a case closed in [from, to) and still closed, each with their first such close. */
  customersBetween(workspaceId: string, from: Date, to: Date): Promise<ClosedCaseHit[]> {
    return this.cases
      .createQueryBuilder('c')
      .select('c.customer_external_id', 'externalId')
      .addSelect('min(c.closed_at)', 'at')
      .where('c.workspace_id = :workspaceId AND c.customer_external_id IS NOT NULL', { workspaceId })
      .andWhere(`c.status IN ('resolved', 'closed') AND c.closed_at >= :from AND c.closed_at < :to`, { from, to })
      .groupBy('c.customer_external_id')
      .orderBy('at')
      .getRawMany<ClosedCaseHit>();
  }
}
