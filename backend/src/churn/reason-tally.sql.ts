/**
 * Tallies cancelled flows per bucket and reason in PostgreSQL (see ReasonTally in ../churn-metrics): `flows` is a
 * query selecting finished_at, reason_key and offered_reason_keys of the period's cancelled flows, `starts` the
 * parameter holding the bucket starts (timestamptz[], ascending, the first = the period's from). Each flow counts once
 * per reason it picked or was offered; the rows with a null reasonKey carry each bucket's number of flows.
 */
export function reasonTallySql(flows: string, starts: string): string {
  return `WITH flows AS (${flows}),
     placed AS (
       SELECT width_bucket(finished_at, ${starts}::timestamptz[]) - 1 AS bucket, reason_key, offered_reason_keys FROM flows
     ),
     reasons AS (
       SELECT p.bucket, k.key, k.key = p.reason_key AS picked
         FROM placed p
        CROSS JOIN LATERAL (SELECT DISTINCT key FROM unnest(p.offered_reason_keys || p.reason_key::text) AS key WHERE key IS NOT NULL) k
     )
     SELECT bucket, key AS "reasonKey", (count(*) FILTER (WHERE picked))::int AS count, count(*)::int AS offered
       FROM reasons GROUP BY bucket, key
     UNION ALL
     SELECT bucket, NULL, count(*)::int, 0 FROM placed GROUP BY bucket`;
}
