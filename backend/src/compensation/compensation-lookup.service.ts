import { Injectable } from '@nestjs/common';
import type { CaseCompensation, CompensationLookup } from '../common/recovery/compensation-lookup.port';
import { CompensationGrantsRepository } from './compensation-grants.repository';

/** At most this many case ids per call (the port's contract). */
const MAX_CASES = 1000;

/** COMPENSATION_LOOKUP: a case's compensation for the modules that show it without owning it (public answers, win-back). */
@Injectable()
export class CompensationLookupService implements CompensationLookup {
  constructor(private readonly grants: CompensationGrantsRepository) {}

  async forCases(workspaceId: string, caseIds: readonly string[]): Promise<Map<string, CaseCompensation>> {
    if (caseIds.length > MAX_CASES) throw new RangeError(`forCases takes at most ${MAX_CASES} case ids`);
    const rows = await this.grants.forCases(workspaceId, [...new Set(caseIds)]);
    return new Map(rows.map((row) => [row.caseId, row]));
  }

  /** True when the caller's case has an approved grant (its column references; on compensation_grants_case_idx). */
  approvedGrantSql(workspaceIdSql: string, caseIdSql: string): string {
    return `EXISTS (SELECT 1 FROM compensation_grants cg WHERE cg.workspace_id = ${workspaceIdSql} AND cg.case_id = ${caseIdSql} AND cg.status = 'approved')`;
  }
}
