/**
 * The dashboard aggregates read from the read replica when DATABASE_READ_URL is set: read-only GETs whose figures
 * may lag the primary by the replica's replay delay (a dashboard already shows figures a moment old). Their handlers
 * must not write (a hot standby refuses writes; tests/reliability/replicas.test.ts reads them as a user that cannot).
 * Not here yet: the churn summary, reasons over time and the overview, which seed a workspace's default churn reasons
 * on first read. Express route patterns, as Nest registers them.
 */
export const READ_REPLICA_ROUTES: ReadonlySet<string> = new Set(
  [
    'surveys/:surveyId/metrics',
    'metrics/:kind',
    'case-reports',
    'case-reports.csv',
    'case-reports/series',
    'case-reports/series.csv',
    'mentions/stats',
  ].map((route) => `/api/v1/workspaces/:workspaceId/${route}`),
);
