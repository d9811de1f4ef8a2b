// Test-only reference: the churn summary and the reasons-over-time report as they were computed before issue 20 —
// every finished flow read into Node and measured by the churn-metrics functions. Tests assert the SQL-tallied
// endpoints give exactly these DTOs on the same data.
import {
  avoidableByMonth,
  avoidableSplit,
  type AvoidableSplit,
  customerChurnRate,
  reasonsByMonth,
  reasonTotals,
  revenueChurnRate,
  revenueSaved,
  saveRate,
} from '@otklik/backend/src/churn-metrics';
import { ReasonCatalog } from '@otklik/backend/src/churn/analytics/reason-catalog';
import { ChurnReasonsService } from '@otklik/backend/src/churn/churn-reasons.service';
import { resolvePeriod } from '@otklik/backend/src/common/http/period';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';

interface Flow {
  at: Date;
  outcome: 'saved' | 'cancelled';
  reasonKey: string;
  offeredReasonKeys: string[];
  mrr: string | null;
}

const LOST_AT = `(SELECT min(x.finished_at) FROM cancellations x
                   WHERE x.workspace_id = c.workspace_id AND x.customer_external_id = c.external_id AND x.outcome = 'cancelled')`;

/** GET …/churn/summary before issue 20. */
export async function referenceChurnSummary(
  app: INestApplication,
  workspaceId: string,
  query: { from: string; to: string; timeZone: string },
) {
  const db = app.get(DataSource);
  const { from, to, timeZone } = resolvePeriod(query, 30);
  const [base] = await db.query(
    `WITH present AS (
       SELECT c.external_id, c.mrr, ${LOST_AT} AS lost_at FROM customers c WHERE c.workspace_id = $1 AND c.first_seen_at < $2
     ), lost AS (
       SELECT p.external_id,
              (SELECT x.mrr FROM cancellations x WHERE x.workspace_id = $1 AND x.customer_external_id = p.external_id
                  AND x.outcome = 'cancelled' ORDER BY x.finished_at LIMIT 1) AS mrr
         FROM present p WHERE p.lost_at >= $2 AND p.lost_at < $3
     )
     SELECT (SELECT count(*)::int FROM present WHERE lost_at IS NULL OR lost_at >= $2) AS "atStart",
            (SELECT count(*)::int FROM lost) AS lost,
            (SELECT coalesce(sum(CASE WHEN l.mrr IS NOT NULL THEN l.mrr ELSE p.mrr END), 0)::text
               FROM present p LEFT JOIN lost l ON l.external_id = p.external_id
              WHERE p.lost_at IS NULL OR p.lost_at >= $2) AS "mrrAtStart",
            (SELECT coalesce(sum(l.mrr), 0)::text FROM lost l) AS "mrrLost"`,
    [workspaceId, from, to],
  );
  const flows: Flow[] = await db.query(
    `SELECT x.finished_at AS at, x.outcome, x.reason_key AS "reasonKey", x.offered_reason_keys AS "offeredReasonKeys", x.mrr
       FROM cancellations x WHERE x.workspace_id = $1 AND x.finished_at >= $2 AND x.finished_at < $3 AND x.outcome IS NOT NULL`,
    [workspaceId, from, to],
  );
  const taxonomy = await app.get(ChurnReasonsService).list(workspaceId);
  const customers = customerChurnRate({ atStart: base.atStart, lost: base.lost });
  const revenue = revenueChurnRate({ mrrAtStart: Number(base.mrrAtStart), mrrLost: Number(base.mrrLost) });
  const saved = flows.filter((f) => f.outcome === 'saved');
  const cancelled = flows.filter((f) => f.outcome === 'cancelled');
  const saves = saveRate({ saved: saved.length, finishedFlows: flows.length });
  const split = avoidableSplit(cancelled, Object.fromEntries(taxonomy.map((r) => [r.key, r.avoidable])));
  const months = reasonsByMonth(cancelled, { from, to, timeZone, maxMonths: 60 });
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    customerChurn: { atStart: customers.atStart, lost: customers.lost, percent: customers.percent },
    revenueChurn: { mrrAtStart: revenue.mrrAtStart, mrrLost: revenue.mrrLost, percent: revenue.percent },
    saves: {
      saved: saved.length,
      finishedFlows: flows.length,
      percent: saves.percent,
      revenueSaved: revenueSaved(saved.map((f) => Number(f.mrr ?? 0))).total,
    },
    avoidable: {
      total: split.total,
      avoidable: split.avoidable.count,
      unavoidable: split.unavoidable.count,
      unknown: split.unknown.count,
      avoidablePercent: split.avoidable.percent,
    },
    reasonsByMonth: months.map((m) => ({
      label: m.label,
      total: m.total,
      reasons: m.reasons.map((r) => ({ reasonKey: r.reasonKey, count: r.count, offered: r.offered, percent: r.percent })),
    })),
  };
}

const counts = (split: AvoidableSplit) => ({
  total: split.total,
  avoidable: split.avoidable.count,
  unavoidable: split.unavoidable.count,
  unknown: split.unknown.count,
  avoidablePercent: split.avoidable.percent,
  unavoidablePercent: split.unavoidable.percent,
  unknownPercent: split.unknown.percent,
});

/** GET …/churn/reasons-over-time before issue 20 (segment, plan and flow filters; no saved segment). */
export async function referenceReasonsOverTime(
  app: INestApplication,
  workspaceId: string,
  query: { from: string; to: string; timeZone: string; language?: string; segment?: string; plan?: string; touchpoint?: string },
) {
  const { from, to, timeZone } = resolvePeriod(query, 183);
  const language = query.language ?? 'en';
  const rows: { at: Date; reasonKey: string; offeredReasonKeys: string[] }[] = await app.get(DataSource).query(
    `SELECT x.finished_at AS at, x.reason_key AS "reasonKey", x.offered_reason_keys AS "offeredReasonKeys"
       FROM cancellations x
       JOIN cancellation_flows f ON f.workspace_id = x.workspace_id AND f.id = x.flow_id
       LEFT JOIN customers c ON c.workspace_id = x.workspace_id AND c.external_id = x.customer_external_id
      WHERE x.workspace_id = $1 AND x.outcome = 'cancelled' AND x.reason_key IS NOT NULL
        AND x.finished_at >= $2 AND x.finished_at < $3
        AND ($4::text IS NULL OR c.segment = $4::text)
        AND ($5::text IS NULL OR c.attributes->>'plan' = $5::text)
        AND ($6::uuid IS NULL OR x.flow_id = $6::uuid)`,
    [workspaceId, from, to, query.segment ?? null, query.plan ?? null, query.touchpoint ?? null],
  );
  const catalog = new ReasonCatalog(await app.get(ChurnReasonsService).list(workspaceId), language);
  const options = { from, to, timeZone, maxMonths: 60 };
  const months = reasonsByMonth(rows, options);
  const splits = avoidableByMonth(rows, catalog.avoidableByKey, options);
  const totals = reasonTotals(rows);
  const legend = catalog.ordered(totals.map((r) => r.reasonKey));
  const order = new Map(legend.map((r, i) => [r.key, i]));
  const byLegend = <T extends { reasonKey: string }>(cells: T[]) =>
    [...cells].sort((a, b) => order.get(a.reasonKey)! - order.get(b.reasonKey)!);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    timeZone,
    language,
    reasons: legend,
    months: months.map((m, i) => ({
      label: m.label,
      start: m.start.toISOString(),
      end: m.end.toISOString(),
      total: m.total,
      reasons: byLegend(m.reasons).map((r) => ({ reasonKey: r.reasonKey, count: r.count, offered: r.offered, percent: r.percent })),
      avoidable: counts(splits[i].split),
    })),
    totals: { cancellations: rows.length, reasons: totals, avoidable: counts(avoidableSplit(rows, catalog.avoidableByKey)) },
  };
}
