/**
 * RFM as Otklik scores it (one SQL statement per workspace, see RfmRepository.score):
 * - recency = whole days since the customer's last order, frequency = orders in the 365 days before scoring,
 *   monetary = the sum of those orders' amounts (amounts are summed as sent, in the workspace's currency);
 * - each is scored 1–5 by quintile (ntile(5)) within the workspace, among customers with at least one order in those
 *   365 days; 5 is best (most recent, most orders, most money). Equal values share the lowest quintile their value
 *   reaches, so equal behaviour scores equally whatever the row order. Everyone else gets no scores and no group.
 * - the group is the FIRST rule that matches, in this order (can't lose is checked before at risk):
 */
export const RFM_GROUP_RULES = [
  ['champions', 'R ≥ 4 and F ≥ 4'],
  ['loyal', 'R ≥ 3 and F ≥ 4'],
  ['cant_lose', 'R ≤ 2 and F ≥ 4 and M ≥ 4'],
  ['at_risk', 'R ≤ 2 and F ≥ 3'],
  ['new', 'R ≥ 4 and F = 1'],
  ['potential', 'R ≥ 3 and F ≤ 3'],
  ['hibernating', 'R = 2 and F ≤ 2'],
  ['lost', 'R = 1 and F ≤ 2'],
] as const;

/** The rules above as SQL over score expressions (null scores → null group). The cases cover every R, F, M in 1–5. */
export function rfmGroupSql(r: string, f: string, m: string): string {
  return `CASE
    WHEN ${r} IS NULL OR ${f} IS NULL OR ${m} IS NULL THEN NULL
    WHEN ${r} >= 4 AND ${f} >= 4 THEN 'champions'
    WHEN ${r} >= 3 AND ${f} >= 4 THEN 'loyal'
    WHEN ${r} <= 2 AND ${f} >= 4 AND ${m} >= 4 THEN 'cant_lose'
    WHEN ${r} <= 2 AND ${f} >= 3 THEN 'at_risk'
    WHEN ${r} >= 4 AND ${f} = 1 THEN 'new'
    WHEN ${r} >= 3 AND ${f} <= 3 THEN 'potential'
    WHEN ${r} = 2 THEN 'hibernating'
    ELSE 'lost' END`;
}

/** How far back frequency and monetary look, and how far back recency can see. */
export const RFM_WINDOW_DAYS = 365;
