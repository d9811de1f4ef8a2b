import { Injectable } from '@nestjs/common';
import { ChurnReader } from '../churn/churn.reader';
import { ActivityReader, type ActivitySelector } from '../customers/activity/activity.reader';
import type { WarningRule } from './warning-rules';
import { usageSelector, type WarningSettings } from './warning-settings';

/** A rule that holds for a customer at `asOf`, with what it saw. */
export interface WarningMatch {
  customerExternalId: string;
  rule: WarningRule;
  detail: Record<string, unknown>;
}

/** An open warning as the recovery check needs it. */
export interface OpenWarning {
  id: string;
  customerExternalId: string;
  rule: WarningRule;
  detail: Record<string, unknown>;
}

const ORDERS: ActivitySelector = { kind: 'order', name: null };
const PAYMENTS: ActivitySelector = { kind: 'payment', name: null };
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Which customers each rule sees at `asOf`, and which open warnings the behaviour has cleared since. Reads only
 * activity before `asOf` (so a replay over history sees what a scan would have seen then). `live` scans the present:
 * it also counts the customer's current stage and RFM group, which have no history to replay.
 */
@Injectable()
export class WarningDetector {
  constructor(
    private readonly activity: ActivityReader,
    private readonly churn: ChurnReader,
  ) {}

  /** Customers who had left by `asOf` (stopped, or cancelled): never warned, and their warnings clear. */
  async left(workspaceId: string, asOf: Date, live: boolean): Promise<Set<string>> {
    const [stopped, cancelled] = await Promise.all([
      this.activity.stopped(workspaceId, asOf, live),
      this.churn.cancelledCustomers(workspaceId, asOf),
    ]);
    for (const id of cancelled.keys()) stopped.add(id);
    return stopped;
  }

  /** Each customer's first cancellation (what a backtest measures the warnings against). */
  cancelledAt(workspaceId: string): Promise<Map<string, Date>> {
    return this.churn.cancelledCustomers(workspaceId);
  }

  async matches(workspaceId: string, rules: WarningSettings, asOf: Date, live: boolean, left: Set<string>): Promise<WarningMatch[]> {
    const found: WarningMatch[] = [];
    if (rules.rhythmEnabled) {
      const rows = await this.activity.brokenRhythms(workspaceId, {
        selector: ORDERS,
        asOf,
        minEvents: rules.rhythmMinOrders,
        factor: rules.rhythmFactor,
        graceDays: 0,
      });
      for (const r of rows)
        found.push({
          customerExternalId: r.externalId,
          rule: 'rhythm_break',
          detail: {
            orders: r.events,
            usualIntervalDays: round1(r.usualDays),
            daysSinceLast: Math.floor(r.daysSince),
            lastAt: iso(r.lastAt),
          },
        });
    }
    if (rules.paymentsEnabled) {
      const rows = await this.activity.brokenRhythms(workspaceId, {
        selector: PAYMENTS,
        asOf,
        minEvents: 2,
        factor: 1,
        graceDays: rules.paymentGraceDays,
      });
      for (const r of rows)
        found.push({
          customerExternalId: r.externalId,
          rule: 'payments_stopped',
          detail: {
            payments: r.events,
            usualIntervalDays: round1(r.usualDays),
            graceDays: rules.paymentGraceDays,
            daysSinceLast: Math.floor(r.daysSince),
            lastAt: iso(r.lastAt),
          },
        });
    }
    if (rules.usageEnabled) {
      const rows = await this.activity.usageWindows(workspaceId, {
        selector: usageSelector(rules.usageEvent),
        asOf,
        drop: { minPrevious: rules.usageMinEvents, percent: rules.usageDropPercent },
      });
      for (const r of rows)
        found.push({
          customerExternalId: r.externalId,
          rule: 'usage_drop',
          detail: {
            event: rules.usageEvent,
            previous: r.previous,
            current: r.current,
            dropPercent: Math.round(((r.previous - r.current) * 100) / r.previous),
          },
        });
    }
    if (rules.rfmEnabled && live && rules.rfmGroups.length > 0) {
      // Only a MOVE into the watched groups warns: from another group they were scored in before (a customer first
      // scored there, or moving between two watched groups, has not just slipped).
      const watched = new Set<string>(rules.rfmGroups);
      for (const r of await this.activity.rfmMembers(workspaceId, { groups: rules.rfmGroups }))
        if (r.previousGroup !== null && !watched.has(r.previousGroup))
          found.push({ customerExternalId: r.externalId, rule: 'rfm_at_risk', detail: { group: r.group, from: r.previousGroup } });
    }
    return found.filter((m) => !left.has(m.customerExternalId));
  }

  /**
   * Open warnings whose behaviour came back by `asOf`: an order after the one a rhythm warning saw last, a payment
   * after the last one seen, usage back above the drop from the month it was measured against, out of the watched
   * RFM groups;
   * or the customer left. Rules switched off keep their warnings (nothing is checked).
   */
  async recovered(workspaceId: string, rules: WarningSettings, asOf: Date, live: boolean, open: OpenWarning[], left: Set<string>) {
    const cleared = new Set(open.filter((w) => left.has(w.customerExternalId)).map((w) => w.id));
    const pending = open.filter((w) => !cleared.has(w.id));
    const of = (rule: WarningRule) => pending.filter((w) => w.rule === rule);

    const newer = async (rule: WarningRule, selector: ActivitySelector) => {
      const warnings = of(rule);
      const latest = await this.activity.latest(
        workspaceId,
        selector,
        asOf,
        warnings.map((w) => w.customerExternalId),
      );
      for (const w of warnings) {
        const last = latest.get(w.customerExternalId);
        if (last && last.getTime() > Date.parse(String(w.detail.lastAt))) cleared.add(w.id);
      }
    };
    if (rules.rhythmEnabled) await newer('rhythm_break', ORDERS);
    if (rules.paymentsEnabled) await newer('payments_stopped', PAYMENTS);
    if (rules.usageEnabled && of('usage_drop').length > 0) {
      const warnings = of('usage_drop');
      const windows = await this.activity.usageWindows(workspaceId, {
        selector: usageSelector(rules.usageEvent),
        asOf,
        externalIds: warnings.map((w) => w.customerExternalId),
      });
      const current = new Map(windows.map((r) => [r.externalId, r.current]));
      for (const w of warnings) {
        const baseline = Number(w.detail.previous);
        if ((current.get(w.customerExternalId) ?? 0) * 100 > baseline * (100 - rules.usageDropPercent)) cleared.add(w.id);
      }
    }
    if (rules.rfmEnabled && live && of('rfm_at_risk').length > 0) {
      const warnings = of('rfm_at_risk');
      const groups = await this.activity.rfmMembers(workspaceId, { externalIds: warnings.map((w) => w.customerExternalId) });
      const now = new Map(groups.map((r) => [r.externalId, r.group]));
      // Moving on to another watched group (at_risk → cant_lose) keeps the warning open; leaving them clears it.
      const watched = new Set<string>(rules.rfmGroups);
      for (const w of warnings) {
        const group = now.get(w.customerExternalId);
        if (group === undefined || !watched.has(group)) cleared.add(w.id);
      }
    }
    return [...cleared];
  }
}

const iso = (d: Date) => new Date(d).toISOString();
