import { Injectable, Logger } from '@nestjs/common';
import { atRiskTitle } from '../cases/case-titles';
import { SYSTEM } from '../cases/case-actor';
import { CasesService } from '../cases/cases.service';
import { ActivityReader } from '../customers/activity/activity.reader';
import { MomentsService } from '../customers/moments/moments.service';
import { MembershipsReader } from '../members/memberships.reader';
import { WebhookEvents } from '../webhooks/webhook-events';
import { CustomerWarningsRepository, type NewWarning, type WarningRow } from './customer-warnings.repository';
import { EarlyWarningRulesRepository } from './early-warning-rules.repository';
import { WarningDetector, type WarningMatch } from './warning-detector';
import { backtest, type BacktestResult } from './warning-backtest';
import { settingsOf, type WarningSettings } from './warning-settings';

/** The body of a `customer.at_risk` webhook. */
export interface CustomerAtRiskEvent {
  warningId: string;
  rule: WarningMatch['rule'];
  /** What the rule saw, e.g. { usualIntervalDays: 9, daysSinceLast: 23 }. */
  detail: Record<string, unknown>;
  customer: { externalId: string; name: string | null; email: string | null };
  accountManagerId: string | null;
  raisedAt: string;
}

export interface ScanOutcome {
  raised: number;
  cleared: number;
}

const DAY = 86_400_000;

/**
 * Early warning: a scan at `asOf` clears the open warnings whose behaviour came back and raises the ones the rules
 * see now. A raised warning queues `customer.at_risk` in its own transaction, then opens an "at risk" case for the
 * account manager on the rules' touchpoint and records the survey moment. Replica-safe: the partial unique index
 * keeps one open warning per customer and rule, the cases' (source, source_id) one case per warning, and the moment's
 * idempotency key one moment; a scan cut short between these steps is finished by the next one.
 */
@Injectable()
export class EarlyWarningService {
  private readonly log = new Logger(EarlyWarningService.name);

  constructor(
    private readonly rules: EarlyWarningRulesRepository,
    private readonly warnings: CustomerWarningsRepository,
    private readonly detector: WarningDetector,
    private readonly activity: ActivityReader,
    private readonly cases: CasesService,
    private readonly memberships: MembershipsReader,
    private readonly moments: MomentsService,
    private readonly webhooks: WebhookEvents,
  ) {}

  async settings(workspaceId: string): Promise<WarningSettings> {
    return settingsOf(await this.rules.find(workspaceId));
  }

  /** Workspaces with any activity (the daily scan), or only those with activity since `since` (soon after new activity). */
  async workspacesToScan(since: Date | null): Promise<string[]> {
    const all = await this.activity.workspacesWithActivity();
    if (!since) return all;
    const recent: string[] = [];
    for (const id of all) if (await this.activity.hasActivitySince(id, since)) recent.push(id);
    return recent;
  }

  /** The present: clears, raises, and finishes the case and moment of any open warning a cut-short scan left without. */
  async scan(workspaceId: string, asOf = new Date()): Promise<ScanOutcome> {
    const settings = await this.settings(workspaceId);
    const left = await this.detector.left(workspaceId, asOf, true);
    const open = await this.warnings.open(workspaceId);
    const clearIds = await this.detector.recovered(workspaceId, settings, asOf, true, open, left);
    const cleared = await this.warnings.clear(workspaceId, clearIds, asOf);
    // A Set: tens of thousands of open warnings against as many cleared must not be a quadratic scan.
    const clearing = new Set(clearIds);
    const stillOpen = new Set(open.filter((w) => !clearing.has(w.id)).map((w) => key(w)));
    const fresh = (await this.detector.matches(workspaceId, settings, asOf, true, left)).filter((m) => !stillOpen.has(key(m)));
    const people = new Map(
      (await this.activity.whoAndManager(workspaceId, [...new Set(fresh.map((m) => m.customerExternalId))])).map((c) => [c.externalId, c]),
    );
    let raised = 0;
    for (const match of fresh) {
      const who = people.get(match.customerExternalId);
      const id = await this.warnings.transaction(async (manager) => {
        const warningId = await this.warnings.raise(manager, workspaceId, { ...match, raisedAt: asOf });
        if (!warningId) return null; // another scan raised it first
        const event: CustomerAtRiskEvent = {
          warningId,
          rule: match.rule,
          detail: match.detail,
          customer: { externalId: match.customerExternalId, name: who?.name ?? null, email: who?.email ?? null },
          accountManagerId: who?.accountManagerId ?? null,
          raisedAt: asOf.toISOString(),
        };
        await this.webhooks.publish(workspaceId, 'customer.at_risk', event, manager);
        return warningId;
      });
      if (id) raised += 1;
    }
    for (const warning of (await this.warnings.open(workspaceId)).filter((w) => w.caseId === null)) {
      await this.followUp(workspaceId, settings, warning);
    }
    return { raised, cleared };
  }

  /** Every workspace given (the job), one at a time; a failing workspace does not stop the others. */
  async scanEach(workspaceIds: readonly string[]): Promise<void> {
    for (const id of workspaceIds) {
      try {
        await this.scan(id);
      } catch (error) {
        this.log.error(`early-warning scan of workspace ${id} failed: ${(error as Error).message}`);
      }
    }
  }

  /** The "at risk" case (owned by the account manager when they are a member) and the survey moment of a warning. */
  private async followUp(workspaceId: string, settings: WarningSettings, warning: WarningRow): Promise<void> {
    const [who] = await this.activity.whoAndManager(workspaceId, [warning.customerExternalId]);
    if (!who) return;
    const managerId =
      who.accountManagerId && (await this.memberships.isMember(workspaceId, who.accountManagerId)) ? who.accountManagerId : null;
    const caseId =
      (await this.cases.open(
        workspaceId,
        {
          source: 'warning',
          sourceId: warning.id,
          ...atRiskTitle(warning.rule, who.name ?? who.externalId),
          description: describe(warning),
          customerExternalId: warning.customerExternalId,
          touchpointId: settings.touchpointId,
          ownerId: managerId,
          openedAt: warning.raisedAt,
        },
        SYSTEM,
      )) ?? (await this.cases.idBySource(workspaceId, 'warning', warning.id));
    if (caseId) await this.warnings.setCase(workspaceId, warning.id, caseId);
    if (settings.surveyMoment) {
      await this.moments.record(workspaceId, warning.customerExternalId, {
        moment: settings.surveyMoment,
        idempotencyKey: `warning:${warning.id}`,
      });
    }
  }

  /**
   * What the scan would have raised and cleared week by week (or every `stepDays`) from `from` to `to`, using only
   * the activity before each step, without storing or sending anything. RFM groups and the current stage have no
   * history, so a replay leaves them out.
   */
  async replay(workspaceId: string, opts: { from: Date; to: Date; stepDays?: number }): Promise<NewWarning[]> {
    const settings = await this.settings(workspaceId);
    const episodes: (NewWarning & { id: string })[] = [];
    const step = (opts.stepDays ?? 7) * DAY;
    for (let t = opts.from.getTime(); t <= opts.to.getTime(); t += step) {
      const asOf = new Date(t);
      const left = await this.detector.left(workspaceId, asOf, false);
      const open = episodes.filter((e) => !e.clearedAt);
      const clearIds = new Set(await this.detector.recovered(workspaceId, settings, asOf, false, open, left));
      for (const e of open) if (clearIds.has(e.id)) e.clearedAt = asOf;
      const stillOpen = new Set(open.filter((e) => !clearIds.has(e.id)).map(key));
      for (const m of await this.detector.matches(workspaceId, settings, asOf, false, left)) {
        if (!stillOpen.has(key(m))) episodes.push({ ...m, id: String(episodes.length), raisedAt: asOf, clearedAt: null });
      }
    }
    return episodes.map(({ id: _id, ...warning }) => warning);
  }

  /** Replays the last `weeks` weeks and measures them: of the customers who cancelled, who was warned first and how early. */
  async backtest(workspaceId: string, weeks: number, to = new Date()): Promise<BacktestResult> {
    const from = new Date(to.getTime() - weeks * 7 * DAY);
    const [warnings, cancelledAt] = await Promise.all([this.replay(workspaceId, { from, to }), this.detector.cancelledAt(workspaceId)]);
    return backtest(warnings, cancelledAt, from, to);
  }

  /** Stores a replayed history as it happened (the demo); open ones get their case and moment at the next scan. */
  saveHistory(workspaceId: string, warnings: readonly NewWarning[]): Promise<void> {
    return this.warnings.insertHistory(workspaceId, warnings);
  }
}

const key = (w: { customerExternalId: string; rule: string }) => `${w.rule}\u0000${w.customerExternalId}`;

/** The case's description: what was seen, in English (the dashboard shows the warning's own detail in its language). */
function describe(warning: WarningRow): string {
  const d = warning.detail;
  switch (warning.rule) {
    case 'rhythm_break':
      return `Usual interval between orders ${d.usualIntervalDays} days; ${d.daysSinceLast} days since the last order (${d.orders} orders).`;
    case 'payments_stopped':
      return `Usual interval between payments ${d.usualIntervalDays} days (+${d.graceDays} days grace); ${d.daysSinceLast} days since the last payment.`;
    case 'usage_drop':
      return `"${d.event}" events: ${d.previous} in the 30 days before, ${d.current} in the last 30 days (−${d.dropPercent} %).`;
    case 'rfm_at_risk':
      return `Moved into the RFM group "${d.group}".`;
  }
}
