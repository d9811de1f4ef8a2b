import { Injectable } from '@nestjs/common';
import { validationError } from '../common/http/validation.pipe';
import { TouchpointsService } from '../touchpoints/touchpoints.service';
import { UsersReader } from '../users/users.reader';
import { PromiseReportRepository, type PromiseCountRow, type PromiseCounts } from './promise-report.repository';
import type { PromiseGroupDto, PromiseRatesDto, PromiseReportDto, PromiseReportQuery } from './promises.dto';

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 90;
const MAX_DAYS = 3 * 366;

const EMPTY: PromiseCounts = { total: 0, keptOnTime: 0, late: 0, broken: 0, open: 0, overdue: 0 };

/** The rates of a group: each outcome over the promises decided (kept or broken), so kept + late + broken = 1. */
export function ratesOf(c: PromiseCounts): PromiseRatesDto {
  const decided = c.keptOnTime + c.late + c.broken;
  const share = (n: number) => (decided === 0 ? null : Math.round((n / decided) * 10000) / 10000);
  const { total, keptOnTime, late, broken, open, overdue } = c;
  return {
    total,
    keptOnTime,
    late,
    broken,
    open,
    overdue,
    decided,
    keptRate: share(c.keptOnTime),
    lateRate: share(c.late),
    brokenRate: share(c.broken),
  };
}

const add = (a: PromiseCounts, b: PromiseCounts): PromiseCounts => ({
  total: a.total + b.total,
  keptOnTime: a.keptOnTime + b.keptOnTime,
  late: a.late + b.late,
  broken: a.broken + b.broken,
  open: a.open + b.open,
  overdue: a.overdue + b.overdue,
});

const byDecidedThenName = (x: PromiseGroupDto, y: PromiseGroupDto) => y.decided - x.decided || x.name.localeCompare(y.name);

/**
 * Kept / late / broken rates of promises due in a period, per person (owner), team, touchpoint and month. A team is
 * the set of people on a touchpoint's round-robin team: touchpoints served by the same people share it, and it is
 * named after them.
 */
@Injectable()
export class PromiseReportService {
  constructor(
    private readonly counts: PromiseReportRepository,
    private readonly users: UsersReader,
    private readonly touchpoints: TouchpointsService,
  ) {}

  async build(workspaceId: string, query: PromiseReportQuery, now = new Date()): Promise<PromiseReportDto> {
    const { from, to } = period(query, now);
    const rows = await this.counts.counts(workspaceId, from, new Date(to.getTime() + DAY_MS), now);
    const of = (dimension: PromiseCountRow['dimension']) => rows.filter((r) => r.dimension === dimension);
    const [profiles, touchpoints] = await Promise.all([
      this.users.profilesOf(of('owner').map((r) => r.key)),
      this.touchpoints.list(workspaceId),
    ]);
    const touchpointById = new Map(touchpoints.map((t) => [t.id, t]));

    const people = of('owner').map((r) => {
      const profile = r.key ? profiles.get(r.key) : undefined;
      return { key: r.key, name: profile ? profile.name || profile.email : '', ...ratesOf(r) };
    });
    const places = of('touchpoint').map((r) => ({ key: r.key, name: (r.key && touchpointById.get(r.key)?.name) || '', ...ratesOf(r) }));

    const teams = new Map<string, { name: string; counts: PromiseCounts }>();
    for (const r of of('touchpoint')) {
      // Named in name order, so the touchpoints sharing a team name it alike whichever comes first.
      const team = [...(r.key ? (touchpointById.get(r.key)?.team ?? []) : [])].sort((a, b) => a.name.localeCompare(b.name));
      if (team.length === 0) continue;
      const key = team
        .map((p) => p.id)
        .sort()
        .join(',');
      const entry = teams.get(key) ?? { name: team.map((p) => p.name).join(', '), counts: EMPTY };
      entry.counts = add(entry.counts, r);
      teams.set(key, entry);
    }
    const total = of('all')[0] ?? EMPTY;
    return {
      from: day(from),
      to: day(to),
      totals: ratesOf(total),
      people: people.sort(byDecidedThenName),
      teams: [...teams].map(([key, t]) => ({ key, name: t.name, ...ratesOf(t.counts) })).sort(byDecidedThenName),
      touchpoints: places.sort(byDecidedThenName),
      months: monthsBetween(from, to).map((month) => ({ month, ...ratesOf(of('month').find((r) => r.key === month) ?? EMPTY) })),
    };
  }
}

const day = (d: Date) => d.toISOString().slice(0, 10);

function period(query: PromiseReportQuery, now: Date): { from: Date; to: Date } {
  const to = query.to ? new Date(`${query.to}T00:00:00.000Z`) : new Date(`${day(now)}T00:00:00.000Z`);
  const from = query.from ? new Date(`${query.from}T00:00:00.000Z`) : new Date(to.getTime() - (DEFAULT_DAYS - 1) * DAY_MS);
  const problems = [];
  if (Number.isNaN(from.getTime())) problems.push({ field: 'from', message: 'from is not a date' });
  if (Number.isNaN(to.getTime())) problems.push({ field: 'to', message: 'to is not a date' });
  if (problems.length === 0 && from > to) problems.push({ field: 'from', message: 'from must not be after to' });
  if (problems.length === 0 && (to.getTime() - from.getTime()) / DAY_MS > MAX_DAYS)
    problems.push({ field: 'from', message: 'the period must be at most three years' });
  if (problems.length) throw validationError(problems);
  return { from, to };
}

function monthsBetween(from: Date, to: Date): string[] {
  const months: string[] = [];
  for (let y = from.getUTCFullYear(), m = from.getUTCMonth(); y * 12 + m <= to.getUTCFullYear() * 12 + to.getUTCMonth(); m++) {
    if (m === 12) {
      m = 0;
      y++;
    }
    months.push(`${y}-${String(m + 1).padStart(2, '0')}`);
  }
  return months;
}
