/**
 * The dashboard GETs whose heavy aggregates read from the read replica when DATABASE_READ_URL is set: figures that
 * may lag the primary by the replica's replay delay (a dashboard already shows figures a moment old). Only the reads
 * their services wrap in readFromReplica go there; the definitions they look up first (survey, segment, touchpoint,
 * SLA policies) come from the primary. Those wrapped reads must not write (a hot standby refuses writes;
 * tests/reliability/replicas.test.ts reads them as a user that cannot).
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
