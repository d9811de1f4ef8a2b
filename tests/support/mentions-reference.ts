// Test-only reference: GET …/mentions/stats as it was computed before issue 20 — one query per figure (the series,
// per source, copies and unanswered negatives, per language). Tests assert the one-pass breakdown gives the same DTO.
import { resolvePeriod } from '@otklik/backend/src/common/http/period';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';

export async function referenceMentionStats(
  app: INestApplication,
  workspaceId: string,
  query: { from: string; to: string; timeZone: string; interval: 'day' | 'week' | 'month'; source?: string[] },
) {
  const db = app.get(DataSource);
  const period = resolvePeriod(query, 30);
  const { interval } = query;
  const sourceList = query.source?.length ? query.source : null;
  const series: { start: Date; negative: number; neutral: number; positive: number }[] = await db.query(
    `WITH buckets AS (
       SELECT generate_series(date_trunc($4, $2::timestamptz AT TIME ZONE $5), date_trunc($4, ($3::timestamptz - interval '1 microsecond') AT TIME ZONE $5), ('1 ' || $4)::interval) AS local_start
     ), counts AS (
       SELECT date_trunc($4, posted_at AT TIME ZONE $5) AS local_start,
              count(*) FILTER (WHERE sentiment = -1)::int AS negative, count(*) FILTER (WHERE sentiment = 0)::int AS neutral,
              count(*) FILTER (WHERE sentiment = 1)::int AS positive
         FROM mentions
        WHERE workspace_id = $1 AND duplicate_of IS NULL AND posted_at >= $2 AND posted_at < $3
          AND ($6::varchar[] IS NULL OR source = ANY ($6::varchar[]))
        GROUP BY 1
     )
     SELECT b.local_start AT TIME ZONE $5 AS start, COALESCE(c.negative, 0) AS negative, COALESCE(c.neutral, 0) AS neutral,
            COALESCE(c.positive, 0) AS positive
       FROM buckets b LEFT JOIN counts c USING (local_start) ORDER BY b.local_start`,
    [workspaceId, period.from, period.to, interval, period.timeZone, sourceList],
  );
  const params = [workspaceId, period.from, period.to, sourceList];
  const sources: { source: string; negative: number; neutral: number; positive: number; reach: number }[] = await db.query(
    `SELECT source, count(*) FILTER (WHERE sentiment = -1)::int AS negative, count(*) FILTER (WHERE sentiment = 0)::int AS neutral,
            count(*) FILTER (WHERE sentiment = 1)::int AS positive, COALESCE(sum(reach), 0)::float8 AS reach
       FROM mentions
      WHERE workspace_id = $1 AND duplicate_of IS NULL AND posted_at >= $2 AND posted_at < $3
        AND ($4::varchar[] IS NULL OR source = ANY ($4::varchar[]))
      GROUP BY source ORDER BY count(*) DESC, source`,
    params,
  );
  const scope = `workspace_id = $1 AND posted_at >= $2 AND posted_at < $3 AND ($4::varchar[] IS NULL OR source = ANY ($4::varchar[]))`;
  const [counts] = await db.query(
    `SELECT count(*) FILTER (WHERE duplicate_of IS NOT NULL)::int AS duplicates,
            count(*) FILTER (WHERE duplicate_of IS NULL AND sentiment = -1 AND answered_at IS NULL)::int AS "unansweredNegative"
       FROM mentions WHERE ${scope}`,
    params,
  );
  const languages: { language: string; n: number }[] = await db.query(
    `SELECT language, count(*)::int AS n FROM mentions WHERE ${scope} AND duplicate_of IS NULL GROUP BY language ORDER BY 2 DESC`,
    params,
  );
  const sum = (s: { negative: number; neutral: number; positive: number }) => s.negative + s.neutral + s.positive;
  const totals = sources.reduce(
    (t, s) => ({ negative: t.negative + s.negative, neutral: t.neutral + s.neutral, positive: t.positive + s.positive }),
    { negative: 0, neutral: 0, positive: 0 },
  );
  const all = sum(totals);
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    interval,
    totals: { ...totals, total: all },
    duplicates: counts.duplicates,
    unansweredNegative: counts.unansweredNegative,
    series: series.map((b) => ({
      start: b.start.toISOString(),
      negative: b.negative,
      neutral: b.neutral,
      positive: b.positive,
      total: sum(b),
    })),
    bySource: sources.map((s) => ({ ...s, total: sum(s), share: all === 0 ? 0 : Math.round((sum(s) / all) * 10000) / 10000 })),
    byLanguage: Object.fromEntries(languages.map((l) => [l.language, l.n])),
  };
}
