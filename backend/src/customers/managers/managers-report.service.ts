import { Injectable } from '@nestjs/common';
import { CasesReader } from '../../cases/cases.reader';
import { ChurnReader } from '../../churn/churn.reader';
import type { Principal } from '../../common/auth/principal';
import { resolvePeriod } from '../../common/http/period';
import { WarningsReader } from '../../early-warning/warnings.reader';
import { npsFromCounts, round2 } from '../../metrics';
import { ResponsesReader } from '../../responses/responses.reader';
import { SegmentsReader } from '../../segments/segments.reader';
import { TouchpointsReader } from '../../touchpoints/touchpoints.reader';
import { UsersReader } from '../../users/users.reader';
import { CustomerLossesReader } from '../customer-losses.reader';
import { isRedStatus } from '../status/colour-status';
import type { ManagersReportDto, ManagersReportGroup, ManagersReportQuery, ManagersReportRowDto } from './managers-report.dto';

/** Figures from other scopes' data: an API token sees each only with that scope (people see both). */
interface Readable {
  nps: boolean;
  openCases: boolean;
}

function readableBy(principal: Principal): Readable {
  if (principal.kind !== 'token') return { nps: true, openCases: true };
  return { nps: principal.scopes.includes('responses:read'), openCases: principal.scopes.includes('cases:read') };
}

/** Default period: the last 90 days. */
const REPORT_DAYS = 90;

/** What is known about one customer in the period; every figure of a group is the sum over its customers. */
interface CustomerFacts {
  lost: boolean;
  mrr: number;
  savedByOffer: number;
  warningsCleared: number;
  promoters: number;
  passives: number;
  detractors: number;
  openCases: number;
}

/** A group: its key, label and customers now; `members` are those of the customers with facts who belong to it. */
interface Group {
  key: string | null;
  label: string | null;
  customers: number;
  members: string[];
}

/**
 * Who lost whom: losses, saves, money lost, NPS and open cases per account manager, per touchpoint (of the customer's
 * latest case) or per saved segment. Each figure is per customer and goes to the customer's group, so the rows of
 * manager and touchpoint add up to the workspace's totals; segments may overlap.
 */
@Injectable()
export class ManagersReportService {
  constructor(
    private readonly losses: CustomerLossesReader,
    private readonly churn: ChurnReader,
    private readonly warnings: WarningsReader,
    private readonly responses: ResponsesReader,
    private readonly cases: CasesReader,
    private readonly touchpoints: TouchpointsReader,
    private readonly segments: SegmentsReader,
    private readonly users: UsersReader,
  ) {}

  async report(workspaceId: string, query: ManagersReportQuery, principal: Principal): Promise<ManagersReportDto> {
    const { from, to } = resolvePeriod(query, REPORT_DAYS);
    const by = query.by ?? 'manager';
    const callerId = principal.kind === 'user' ? principal.userId : null;
    const readable = readableBy(principal);
    const facts = await this.facts(workspaceId, from, to, readable);
    const groups = await this.groups(workspaceId, by, [...facts.keys()]);
    const rows = groups.map((g) => row(g, facts, by === 'manager' && g.key !== null && g.key === callerId, readable));
    rows.sort(
      (a, b) =>
        Number(b.mine) - Number(a.mine) ||
        Number(a.key === null) - Number(b.key === null) ||
        b.losses - a.losses ||
        b.moneyLost - a.moneyLost ||
        (a.label ?? '').localeCompare(b.label ?? ''),
    );
    return { from: from.toISOString(), to: to.toISOString(), by, rows };
  }

  private async facts(workspaceId: string, from: Date, to: Date, readable: Readable): Promise<Map<string, CustomerFacts>> {
    // Hidden figures are not even read: a customer with only answers or cases must not show up through its group either.
    const [lost, saves, cleared, nps, open] = await Promise.all([
      this.losses.lostBetween(workspaceId, from, to),
      this.churn.savesByCustomer(workspaceId, from, to),
      this.warnings.clearedByCustomer(workspaceId, from, to),
      readable.nps ? this.responses.npsByCustomer(workspaceId, from, to) : [],
      readable.openCases ? this.cases.openByCustomer(workspaceId) : [],
    ]);
    const facts = new Map<string, CustomerFacts>();
    const of = (id: string) => {
      let f = facts.get(id);
      if (!f)
        facts.set(
          id,
          (f = { lost: false, mrr: 0, savedByOffer: 0, warningsCleared: 0, promoters: 0, passives: 0, detractors: 0, openCases: 0 }),
        );
      return f;
    };
    for (const c of lost) Object.assign(of(c.externalId), { lost: true, mrr: c.mrr });
    for (const s of saves) of(s.customerExternalId).savedByOffer = s.saves;
    for (const n of nps)
      Object.assign(of(n.customerExternalId), { promoters: n.promoters, passives: n.passives, detractors: n.detractors });
    for (const o of open) of(o.customerExternalId).openCases = o.open;
    // A cleared warning is a save only when the customer did not end up red anyway.
    const clearedIds = cleared.map((w) => w.customerExternalId);
    const red = new Set(
      (await this.losses.groupingOf(workspaceId, clearedIds)).filter((c) => isRedStatus(c.colourStatus)).map((c) => c.externalId),
    );
    for (const w of cleared) if (!red.has(w.customerExternalId)) of(w.customerExternalId).warningsCleared = w.cleared;
    return facts;
  }

  private async groups(workspaceId: string, by: ManagersReportGroup, ids: string[]): Promise<Group[]> {
    if (by === 'segment') {
      const segments = await this.segments.all(workspaceId);
      return Promise.all(
        segments.map(async (s) => {
          const { size, members } = await this.losses.segmentMembers(workspaceId, s.filter, ids);
          return { key: s.id, label: s.name, customers: size, members };
        }),
      );
    }
    if (by === 'manager') {
      const [counts, grouping] = await Promise.all([
        this.losses.countBy(workspaceId, 'account_manager_id'),
        this.losses.groupingOf(workspaceId, ids),
      ]);
      const members = bucket(
        grouping,
        (g) => g.externalId,
        (g) => g.accountManagerId,
      );
      const people = await this.users.profilesOf(counts.map((c) => c.key));
      return counts.map((c) => {
        const person = c.key ? people.get(c.key) : undefined;
        return {
          key: c.key,
          label: person ? person.name || person.email : null,
          customers: c.customers,
          members: members.get(c.key) ?? [],
        };
      });
    }
    const [lastTouchpoint, counts] = await Promise.all([
      this.cases.lastTouchpointByCustomer(workspaceId),
      this.losses.countBy(workspaceId, 'account_manager_id'),
    ]);
    const names = await this.touchpoints.namesOf(workspaceId, [...new Set(lastTouchpoint.map((t) => t.touchpointId))]);
    const touchpointOf = new Map(
      lastTouchpoint.filter((t) => names.has(t.touchpointId)).map((t) => [t.customerExternalId, t.touchpointId]),
    );
    const sizes = bucket(
      [...touchpointOf],
      ([id]) => id,
      ([, t]) => t,
    );
    const members = bucket(
      ids,
      (id) => id,
      (id) => touchpointOf.get(id) ?? null,
    );
    const groups: Group[] = [...sizes].map(([key, customers]) => ({
      key,
      label: names.get(key!)!,
      customers: customers.length,
      members: members.get(key) ?? [],
    }));
    const all = counts.reduce((n, c) => n + c.customers, 0);
    groups.push({ key: null, label: null, customers: all - touchpointOf.size, members: members.get(null) ?? [] });
    return groups;
  }
}

/** Ids by group key in one pass. */
function bucket<T>(items: Iterable<T>, idOf: (item: T) => string, keyOf: (item: T) => string | null): Map<string | null, string[]> {
  const map = new Map<string | null, string[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = map.get(key);
    if (list) list.push(idOf(item));
    else map.set(key, [idOf(item)]);
  }
  return map;
}

function row(group: Group, facts: Map<string, CustomerFacts>, mine: boolean, readable: Readable): ManagersReportRowDto {
  const sum = { losses: 0, money: 0, savedByOffer: 0, warningsCleared: 0, promoters: 0, passives: 0, detractors: 0, openCases: 0 };
  for (const id of group.members) {
    const f = facts.get(id)!;
    if (f.lost) {
      sum.losses++;
      sum.money += f.mrr;
    }
    sum.savedByOffer += f.savedByOffer;
    sum.warningsCleared += f.warningsCleared;
    sum.promoters += f.promoters;
    sum.passives += f.passives;
    sum.detractors += f.detractors;
    sum.openCases += f.openCases;
  }
  const nps = npsFromCounts(sum);
  return {
    key: group.key,
    label: group.label,
    mine,
    customers: group.customers,
    losses: sum.losses,
    saves: sum.savedByOffer + sum.warningsCleared,
    savedByOffer: sum.savedByOffer,
    warningsCleared: sum.warningsCleared,
    moneyLost: round2(sum.money),
    nps: readable.nps ? nps.nps : null,
    npsResponses: readable.nps ? nps.n : null,
    openCases: readable.openCases ? sum.openCases : null,
  };
}
