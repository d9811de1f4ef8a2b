import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { SegmentFilter } from '../segments/segment-filter';

/** Which responses the survey metrics look at: some surveys of a workspace, optionally one language or segment. */
export interface ResponseScope {
  workspaceId: string;
  surveyIds: string[];
  language?: string;
  /** Matches the `segment` hidden field (kept for surveys that send one). */
  segment?: string;
  /** Only responses of customers in this saved segment. */
  segmentFilter?: SegmentFilter;
}

/** Narrows a query over `responses r` to the scope (its time range is the caller's). */
export function whereInScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, scope: ResponseScope): SelectQueryBuilder<T> {
  qb.andWhere('r.workspace_id = :workspaceId AND r.survey_id = ANY(:surveyIds::uuid[])', {
    workspaceId: scope.workspaceId,
    surveyIds: scope.surveyIds,
  });
  if (scope.language) qb.andWhere('r.language = :language', { language: scope.language });
  if (scope.segment) qb.andWhere(`r.hidden_fields->>'segment' = :segment`, { segment: scope.segment });
  if (scope.segmentFilter) {
    const inSegment = scope.segmentFilter.forQueryBuilder('r.customer_external_id');
    qb.andWhere(inSegment.sql, inSegment.parameters);
  }
  return qb;
}
