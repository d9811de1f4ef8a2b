import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CaseEntity } from './case.entity';

/** What a grant copies from its case: whose customer it is and where it was handled. */
export type CaseForCompensation = Pick<CaseEntity, 'id' | 'number' | 'status' | 'touchpointId' | 'customerExternalId'>;

/**
 * The compensation module's view of cases (exported by CasesReaderModule, so compensation needs no import of
 * CasesModule): the case a grant is made on, and case numbers for the lists of grants.
 */
@Injectable()
export class CasesForCompensation {
  constructor(@InjectRepository(CaseEntity) private readonly cases: Repository<CaseEntity>) {}

  find(workspaceId: string, caseId: string): Promise<CaseForCompensation | null> {
    return this.cases.findOne({
      select: { workspaceId: true, id: true, number: true, status: true, touchpointId: true, customerExternalId: true },
      where: { workspaceId, id: caseId },
    });
  }

  /** id → number of these cases of the workspace (one query per page). */
  async numbersOf(workspaceId: string, caseIds: readonly (string | null)[]): Promise<Map<string, number>> {
    const ids = [...new Set(caseIds.filter((id): id is string => !!id))];
    if (ids.length === 0) return new Map();
    const rows: { id: string; number: number }[] = await this.cases
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .addSelect('c.number', 'number')
      .where('c.workspace_id = :workspaceId AND c.id = ANY(:ids)', { workspaceId, ids })
      .getRawMany();
    return new Map(rows.map((r) => [r.id, r.number]));
  }
}
