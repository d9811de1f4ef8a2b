// The seam between touchpoints and the cases module: the journey map shows open cases and SLA compliance per
// touchpoint without this module depending on cases. The cases module registers a provider under
// TOUCHPOINT_CASE_STATS; until it does (or when it is absent), the journey shows no case figures.

/** Case figures for one touchpoint. */
export interface TouchpointCaseFigures {
  /** Cases not yet resolved/closed. */
  open: number;
  /** Open or recent cases past an SLA deadline. */
  breached: number;
  /** Percent (0–100) of cases that met their SLA targets, or null when there is nothing to measure. */
  compliance: number | null;
}

export interface TouchpointCaseStats {
  /** Figures keyed by touchpoint id; touchpoints missing from the map have no cases. Scoped to the workspace. */
  statsByTouchpoint(workspaceId: string): Promise<Map<string, TouchpointCaseFigures>>;
}

/** Injection token: `{ provide: TOUCHPOINT_CASE_STATS, useClass/useExisting: … }` in the cases module. */
export const TOUCHPOINT_CASE_STATS = 'TOUCHPOINT_CASE_STATS';
