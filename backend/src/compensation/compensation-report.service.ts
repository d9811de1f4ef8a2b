import { HttpStatus, Injectable } from '@nestjs/common';
import { ChurnReader } from '../churn/churn.reader';
import { ApiError } from '../common/http/api-error';
import { CustomerOutcomesReader } from '../customers/customer-outcomes.reader';
import { TouchpointsReader } from '../touchpoints/touchpoints.reader';
import { CompensationGrantsRepository, type ReportCustomerStart, type ReportGroupSums } from './compensation-grants.repository';
import { fromCents, OUTCOME_DAYS, toCents } from './compensation-rules';
import type { CompensationReportDto, CompensationReportQuery, CompensationReportRowDto } from './compensation.dto';

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 3 * 366;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

const badRange = (message: string) =>
  new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', `Invalid request: ${message}`, [{ field: 'from', message }]);

interface GroupOutcome {
  kept: number;
  revenue: bigint;
}

/**
 * Compensation spent against what it kept: for approved grants in one currency decided in the range, per touchpoint
 * and per kind, the compensated customers, those kept (no cancellation and no move into a red status in the 90 days
 * after their first grant of the group) and the revenue those kept brought in those days. Windows still open count
 * what happened so far.
 */
@Injectable()
export class CompensationReportService {
  constructor(
    private readonly grants: CompensationGrantsRepository,
    private readonly outcomes: CustomerOutcomesReader,
    private readonly churn: ChurnReader,
    private readonly touchpoints: TouchpointsReader,
  ) {}

  async build(workspaceId: string, q: CompensationReportQuery, now: Date = new Date()): Promise<CompensationReportDto> {
    const to = q.to ?? isoDay(now);
    const from = q.from ?? isoDay(new Date(new Date(`${to}T00:00:00Z`).getTime() - 89 * DAY_MS));
    const fromAt = new Date(`${from}T00:00:00Z`);
    const toAt = new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY_MS);
    if (Number.isNaN(fromAt.getTime()) || Number.isNaN(toAt.getTime())) throw badRange('from and to must be real days');
    if (toAt <= fromAt) throw badRange('from must not be after to');
    if ((toAt.getTime() - fromAt.getTime()) / DAY_MS > MAX_RANGE_DAYS) throw badRange(`the range must be at most ${MAX_RANGE_DAYS} days`);

    const currencies = await this.grants.reportCurrencies(workspaceId, fromAt, toAt);
    const currency = q.currency ?? currencies[0] ?? null;
    const empty = (key: string | null = null): CompensationReportRowDto => ({
      key,
      label: null,
      spent: '0.00',
      grants: 0,
      customers: 0,
      kept: 0,
      revenueSaved: '0.00',
    });
    if (!currency) return { from, to, currency, currencies, outcomeDays: OUTCOME_DAYS, total: empty(), byTouchpoint: [], byKind: [] };

    const [sums, starts] = await Promise.all([
      this.grants.reportSums(workspaceId, currency, fromAt, toAt),
      this.grants.reportCustomerStarts(workspaceId, currency, fromAt, toAt),
    ]);
    const outcomes = await this.groupOutcomes(workspaceId, starts, currency);
    const names = await this.touchpoints.namesOf(
      workspaceId,
      sums.filter((s) => s.dimension === 'touchpoint' && s.key).map((s) => s.key as string),
    );
    const row = (s: ReportGroupSums): CompensationReportRowDto => {
      const o = outcomes.get(`${s.dimension}|${s.key ?? ''}`) ?? { kept: 0, revenue: 0n };
      return {
        key: s.key,
        label: s.dimension === 'touchpoint' && s.key ? (names.get(s.key) ?? null) : null,
        spent: s.spent,
        grants: s.grants,
        customers: s.customers,
        kept: o.kept,
        revenueSaved: fromCents(o.revenue),
      };
    };
    const total = sums.find((s) => s.dimension === 'total');
    return {
      from,
      to,
      currency,
      currencies,
      outcomeDays: OUTCOME_DAYS,
      total: total ? row(total) : empty(),
      byTouchpoint: sums.filter((s) => s.dimension === 'touchpoint').map(row),
      byKind: sums.filter((s) => s.dimension === 'kind').map(row),
    };
  }

  /** Kept customers and their revenue per group: one question per distinct (customer, first grant) window. */
  private async groupOutcomes(
    workspaceId: string,
    starts: readonly ReportCustomerStart[],
    currency: string,
  ): Promise<Map<string, GroupOutcome>> {
    const windows: { externalId: string; since: Date }[] = [];
    const index = new Map<string, number>();
    const windowOf = starts.map((s) => {
      const key = `${s.customerExternalId}|${s.since.toISOString()}`;
      let i = index.get(key);
      if (i === undefined) {
        i = windows.push({ externalId: s.customerExternalId, since: s.since }) - 1;
        index.set(key, i);
      }
      return i;
    });
    const [outcomes, cancelled] = await Promise.all([
      this.outcomes.after(workspaceId, windows, OUTCOME_DAYS, currency),
      this.churn.cancelledInWindows(workspaceId, windows, OUTCOME_DAYS),
    ]);
    const groups = new Map<string, GroupOutcome>();
    starts.forEach((s, n) => {
      const i = windowOf[n];
      const key = `${s.dimension}|${s.key ?? ''}`;
      const group = groups.get(key) ?? { kept: 0, revenue: 0n };
      if (!cancelled.has(i) && !outcomes[i].turnedRed) {
        group.kept += 1;
        group.revenue += toCents(outcomes[i].revenue);
      }
      groups.set(key, group);
    });
    return groups;
  }
}
