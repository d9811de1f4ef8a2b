// The seam between the public-answer workflow (backend/src/public-answers: answer, investigate, publish findings,
// compensate) and the Mentions list, which shows and filters each negative mention's stage. The public-answers module
// provides MENTION_STAGE_SQL; the mentions service finds it with ModuleRef (strict: false), so mentions imports neither
// public-answers nor cases (which imports mentions) and no cycle appears. Without a provider the stage is null.

/**
 * Where a negative original mention stands, the furthest step reached: compensated (an approved grant on its case) >
 * findings_published > investigating (a case was opened from it) > answered (answered in public) > not_started.
 */
export const PUBLIC_STAGES = ['not_started', 'answered', 'investigating', 'findings_published', 'compensated'] as const;
export type PublicStage = (typeof PUBLIC_STAGES)[number];

export interface MentionStageSql {
  /**
   * An SQL expression (no parameters) giving the stage of the `mentions` row aliased `alias` as text: one of
   * PUBLIC_STAGES for a negative original, NULL for any other mention. Used in the list's SELECT and WHERE.
   */
  expression(alias: string): string;
  /**
   * Optional (additive): an SQL condition that is true for the mentions past not_started (a public answer or a case
   * of their own), so a filter on the later stages reads those few mentions instead of evaluating the stage of every
   * negative one. `workspaceIdSql` is the caller's parameter for the workspace (the set is computed once, uncorrelated).
   */
  startedSql?(alias: string, workspaceIdSql: string): string;
}

/** Injection token: `{ provide: MENTION_STAGE_SQL, useExisting: MentionStageSqlProvider }` in the public-answers module. */
export const MENTION_STAGE_SQL = Symbol('MENTION_STAGE_SQL');
