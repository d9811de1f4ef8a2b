import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { optionalProvider } from '../common/nest/optional-provider';
import { COMPENSATION_LOOKUP, type CompensationLookup } from '../common/recovery/compensation-lookup.port';
import type { MentionStageSql } from '../common/recovery/mention-stage.port';

/**
 * The stage of a negative original mention in SQL, for the Mentions list's column and filter (MENTION_STAGE_SQL).
 * It reads this module's table and the mention's case (`cases` by source, one unique-index probe) inside the list's
 * own statement: the filter has to be in the statement for the keyset pages to stay whole. No `::` casts: the list's
 * QueryBuilder reads `:name` as a named parameter (its text filter is `:text`). "compensated" needs the
 * compensation module's approvedGrantSql; without it the list stops at findings_published (the detail still shows it).
 */
@Injectable()
export class MentionStageSqlProvider implements MentionStageSql {
  constructor(private readonly moduleRef: ModuleRef) {}

  expression(m: string): string {
    const lookup = optionalProvider<CompensationLookup>(this.moduleRef, COMPENSATION_LOOKUP);
    const compensated = lookup?.approvedGrantSql ? lookup.approvedGrantSql('pa_c.workspace_id', 'pa_c.id') : 'false';
    return `CASE WHEN ${m}.sentiment = -1 AND ${m}.duplicate_of IS NULL THEN (
      SELECT CASE WHEN pa_c.id IS NOT NULL AND (${compensated}) THEN 'compensated'
                  WHEN pa.findings_at IS NOT NULL THEN 'findings_published'
                  WHEN pa_c.id IS NOT NULL THEN 'investigating'
                  WHEN pa.answered_at IS NOT NULL THEN 'answered'
                  ELSE 'not_started' END
        FROM (SELECT 1) AS pa_one
        LEFT JOIN mention_public_answers pa ON pa.workspace_id = ${m}.workspace_id AND pa.mention_id = ${m}.id
        LEFT JOIN cases pa_c ON pa_c.workspace_id = ${m}.workspace_id AND pa_c.source = 'mention' AND pa_c.source_id = CAST(${m}.id AS text)
    ) END`;
  }

  startedSql(m: string, workspaceIdSql: string): string {
    // Uncorrelated, so the planner starts from these few ids (primary-key probes) and only they get the stage expression.
    // A case's source_id is text: only a uuid-shaped one is cast.
    return `${m}.id IN (
      SELECT pa_s.mention_id FROM mention_public_answers pa_s WHERE pa_s.workspace_id = ${workspaceIdSql}
      UNION SELECT CASE WHEN pa_sc.source_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                        THEN CAST(pa_sc.source_id AS uuid) END
        FROM cases pa_sc WHERE pa_sc.workspace_id = ${workspaceIdSql} AND pa_sc.source = 'mention')`;
  }
}
