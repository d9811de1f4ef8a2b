import { Injectable } from '@nestjs/common';
import { CasesService } from '../cases/cases.service';
import { ReasonAnalyticsService } from '../churn/analytics/reason-analytics.service';
import { CancellationFlowsService } from '../churn/cancellation-flows.service';
import { ChurnSummaryService } from '../churn/churn-summary.service';
import { InactivityService } from '../churn/inactivity.service';
import type { Principal } from '../common/auth/principal';
import type { Role } from '../common/auth/roles';
import { resolvePeriod } from '../common/http/period';
import { ClustersService } from '../complaints/clusters.service';
import { InvitationsService } from '../members/invitations.service';
import { MembershipsReader } from '../members/memberships.reader';
import { MentionFeedsService } from '../mentions/feeds/mention-feeds.service';
import type { ListMentionsQuery } from '../mentions/mentions.dto';
import { MentionsService } from '../mentions/mentions.service';
import { SpikeAlertsService } from '../mentions/spikes/spike-alerts.service';
import { formatCivilDate, localDate, previousPeriod } from '../metrics';
import { SurveyMetricsService } from '../survey-metrics/survey-metrics.service';
import type { SurveyMetricsDto } from '../survey-metrics/survey-metrics.dto';
import { SurveysReader } from '../surveys/surveys.reader';
import { SlaPoliciesService } from '../touchpoints/sla-policies.service';
import { TouchpointsService } from '../touchpoints/touchpoints.service';
import type { TouchpointDto } from '../touchpoints/touchpoints.dto';
import { PART_RULES, refusal, STEP_RULES } from './overview-access';
import { OVERVIEW_CACHE_MS, PartCache } from './part-cache';
import {
  CHECKLIST_STEPS,
  type ChecklistStep,
  OVERVIEW_PARTS,
  type OverviewCasesDto,
  type OverviewChecklistDto,
  type OverviewChurnDto,
  type OverviewClustersDto,
  type OverviewDto,
  type OverviewLinkDto,
  type OverviewMentionsDto,
  type OverviewPart,
  type OverviewQuery,
  type OverviewRestrictedDto,
  type OverviewScoreDto,
  type OverviewScoresDto,
  type OverviewSleepingDto,
  type OverviewTouchpointsDto,
} from './overview.dto';

const DEFAULT_DAYS = 30;
const DAY_MS = 86_400_000;
const SCORE_KINDS = ['nps', 'csat', 'ces'] as const;
const TOP = 5;

export function link(path: string, query: Record<string, string | undefined> = {}): OverviewLinkDto {
  const clean = Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
  const search = new URLSearchParams(clean).toString();
  return { path, query: clean, href: search ? `${path}?${search}` : path };
}

/** The per-part reads of one request, each started at most once (the checklist and the parts share some). */
class Reads {
  private readonly started = new Map<string, Promise<unknown>>();
  once<T>(key: string, read: () => Promise<T>): Promise<T> {
    if (!this.started.has(key)) this.started.set(key, read());
    return this.started.get(key) as Promise<T>;
  }
}

/**
 * The home page: each part computed by the same service method, with the same filter, as the page it links to, so
 * the figures agree. Parts run in parallel; a part the caller may not read is null and listed in `restricted`.
 */
@Injectable()
export class OverviewService {
  private readonly cache = new PartCache();
  /**
   * Steps seen done, until when: a done step is not read again within the staleness bound, while an open one is
   * read on every call, so a new workspace sees each tick at once and a set-up one pays nothing for the checklist.
   */
  private readonly doneSteps = new Map<string, number>();

  constructor(
    private readonly surveyMetrics: SurveyMetricsService,
    private readonly surveys: SurveysReader,
    private readonly churnSummary: ChurnSummaryService,
    private readonly reasons: ReasonAnalyticsService,
    private readonly inactivity: InactivityService,
    private readonly flows: CancellationFlowsService,
    private readonly cases: CasesService,
    private readonly clusters: ClustersService,
    private readonly mentions: MentionsService,
    private readonly spikes: SpikeAlertsService,
    private readonly feeds: MentionFeedsService,
    private readonly touchpoints: TouchpointsService,
    private readonly slaPolicies: SlaPoliciesService,
    private readonly memberships: MembershipsReader,
    private readonly invitations: InvitationsService,
  ) {}

  async get(workspaceId: string, principal: Principal, role: Role | null, query: OverviewQuery, now = new Date()): Promise<OverviewDto> {
    const { from, to, timeZone } = resolvePeriod({ ...query, to: query.to ?? now.toISOString() }, DEFAULT_DAYS);
    const previous = previousPeriod({ from, to });
    // Pages take whole local days (yyyy-mm-dd, the last one included), so links carry the period that way.
    const days = { from: formatCivilDate(localDate(from.getTime(), timeZone)), to: formatCivilDate(localDate(to.getTime() - 1, timeZone)) };
    const ctx: PartContext = {
      workspaceId,
      from,
      to,
      timeZone,
      days,
      previous,
      now,
      language: query.language ?? 'en',
      reads: new Reads(),
    };

    const restricted: OverviewRestrictedDto[] = [];
    const readable = (part: OverviewPart) => {
      const refused = refusal(principal, role, PART_RULES[part]);
      if (refused) restricted.push({ part, ...refused });
      return !refused;
    };
    const builders: Record<OverviewPart, (c: PartContext) => Promise<unknown>> = {
      scores: (c) => this.scores(c),
      churn: (c) => this.churn(c),
      cases: (c) => this.casesPart(c),
      clusters: (c) => this.clustersPart(c),
      mentions: (c) => this.mentionsPart(c),
      touchpoints: (c) => this.touchpointsPart(c),
      sleeping: (c) => this.sleeping(c),
    };
    const allowed = OVERVIEW_PARTS.filter(readable);
    // The parts are the same for every caller who may read them: cached per workspace, part and filter (see PartCache).
    const key = (part: OverviewPart) =>
      [workspaceId, part, from.toISOString(), to.toISOString(), timeZone, part === 'churn' ? ctx.language : ''].join('|');
    const [parts, checklist] = await Promise.all([
      Promise.all(
        OVERVIEW_PARTS.map((part) =>
          allowed.includes(part) ? this.cache.get(key(part), () => builders[part](ctx)) : Promise.resolve(null),
        ),
      ),
      this.checklist(ctx, principal, role),
    ]);
    const byPart = Object.fromEntries(OVERVIEW_PARTS.map((part, i) => [part, parts[i]])) as unknown as Pick<OverviewDto, OverviewPart>;

    return {
      period: { from: from.toISOString(), to: to.toISOString() },
      previousPeriod: { from: previous.from.toISOString(), to: previous.to.toISOString() },
      timeZone,
      empty: await this.isEmpty(ctx, byPart),
      ...byPart,
      checklist,
      restricted,
    };
  }

  /**
   * Nothing collected yet, as far as the caller may see: no survey display or response ever, no mention ever, no
   * active case, no finished cancellation flow or sleeping customer. A quiet period of a used workspace is not empty.
   */
  private async isEmpty(ctx: PartContext, parts: Pick<OverviewDto, OverviewPart>): Promise<boolean> {
    if (parts.cases && parts.cases.open > 0) return false;
    if (parts.churn && (parts.churn.finishedFlows > 0 || parts.churn.customersLost > 0)) return false;
    if (parts.sleeping && parts.sleeping.count > 0) return false;
    if (parts.scores && (await this.surveyActivity(ctx))) return false;
    if (parts.mentions && (await this.anyMention(ctx))) return false;
    return true;
  }

  private surveyList(ctx: PartContext) {
    return ctx.reads.once('surveys', () => this.surveys.list(ctx.workspaceId));
  }

  /** A display or response exists (never cached: it is what turns the checklist into the dashboard). */
  private surveyActivity(ctx: PartContext): Promise<boolean> {
    return ctx.reads.once('surveyActivity', () => this.surveys.anyDisplayOrResponse(ctx.workspaceId));
  }

  private touchpointList(ctx: PartContext): Promise<TouchpointDto[]> {
    return ctx.reads.once('touchpoints', () => this.touchpoints.list(ctx.workspaceId));
  }

  private anyMention(ctx: PartContext): Promise<boolean> {
    return ctx.reads.once(
      'anyMention',
      async () => (await this.mentions.list(ctx.workspaceId, null, { limit: 1 } as ListMentionsQuery)).items.length > 0,
    );
  }

  /** NPS, CSAT and CES across their surveys: the metrics endpoint per kind (a survey's results page when it is the only one). */
  private async scores(ctx: PartContext): Promise<OverviewScoresDto> {
    const surveys = await this.surveyList(ctx);
    const lengthDays = (ctx.to.getTime() - ctx.from.getTime()) / DAY_MS;
    const interval = lengthDays <= 92 ? 'day' : lengthDays <= 731 ? 'week' : 'month';
    const kinds = SCORE_KINDS.filter((kind) => surveys.some((s) => s.kind === kind));
    const metrics = await Promise.all(
      kinds.map((kind) =>
        this.surveyMetrics.forKind(ctx.workspaceId, kind, {
          from: ctx.from.toISOString(),
          to: ctx.to.toISOString(),
          timeZone: ctx.timeZone,
          interval,
        }),
      ),
    );

    const perDay = new Map<string, { start: string; responses: number }>();
    for (const m of metrics) {
      for (const point of m.series) {
        const day = perDay.get(point.key) ?? { start: point.start, responses: 0 };
        day.responses += point.n;
        perDay.set(point.key, day);
      }
    }
    const sum = (pick: (m: SurveyMetricsDto) => number) => metrics.reduce((total, m) => total + pick(m), 0);
    const rate = (responses: number, displays: number) => (displays > 0 ? Math.round((responses / displays) * 1000) / 10 : null);
    const responses = sum((m) => m.summary.responses);
    const displays = sum((m) => m.summary.displays);
    const previousResponses = sum((m) => m.previous.responses);
    return {
      kinds: metrics.map((m, i) =>
        this.score(
          ctx,
          kinds[i],
          m,
          surveys.filter((s) => s.kind === kinds[i]).map((s) => s.id),
        ),
      ),
      responses,
      previousResponses,
      displays,
      responseRate: rate(responses, displays),
      previousResponseRate: rate(
        previousResponses,
        sum((m) => m.previous.displays),
      ),
      interval,
      series: [...perDay.entries()]
        .sort((a, b) => a[1].start.localeCompare(b[1].start))
        .map(([key, d]) => ({ key, start: d.start, responses: d.responses })),
      link: link('/surveys'),
    };
  }

  private score(ctx: PartContext, kind: (typeof SCORE_KINDS)[number], m: SurveyMetricsDto, surveyIds: string[]): OverviewScoreDto {
    const s = m.summary;
    let value: number | null = null;
    let marginOfError: number | null = null;
    let bounds: { lower: number; upper: number } | null = null;
    let n = 0;
    if (kind === 'nps' && s.nps) ({ nps: value, marginOfError, interval: bounds, n } = s.nps);
    if (kind === 'csat' && s.csat) ({ csat: value, marginOfError, interval: bounds, n } = s.csat);
    if (kind === 'ces' && s.ces) {
      ({ agreePercent: value, agreeInterval: bounds, n } = s.ces);
      // The agree share's interval is a Wilson interval (not symmetric): its half-width stands for the margin.
      marginOfError = bounds ? Math.round(((bounds.upper - bounds.lower) / 2) * 10) / 10 : null;
    }
    const change = m.comparison?.change ?? null;
    return {
      kind,
      surveys: surveyIds.length,
      n,
      value,
      marginOfError,
      lower: bounds?.lower ?? null,
      upper: bounds?.upper ?? null,
      previous: m.comparison?.previous ?? null,
      change,
      trend: change === null ? null : change > 0 ? 'up' : change < 0 ? 'down' : 'flat',
      significant: m.comparison ? (m.comparison.reason === 'insufficient-sample' ? null : m.comparison.significant) : null,
      responses: s.responses,
      displays: s.displays,
      responseRate: s.responseRate,
      // One survey of the kind: its results page shows exactly this figure; several: the surveys list.
      link: surveyIds.length === 1 ? link(`/surveys/${surveyIds[0]}/results`, ctx.days) : link('/surveys'),
    };
  }

  /** The Churn page's summary (this and the previous period) and its reasons chart. */
  private async churn(ctx: PartContext): Promise<OverviewChurnDto> {
    const period = { from: ctx.from.toISOString(), to: ctx.to.toISOString(), timeZone: ctx.timeZone };
    const [current, before, reasons] = await Promise.all([
      this.churnSummary.get(ctx.workspaceId, period),
      this.churnSummary.get(ctx.workspaceId, {
        from: ctx.previous.from.toISOString(),
        to: ctx.previous.to.toISOString(),
        timeZone: ctx.timeZone,
      }),
      this.reasons.overTime(ctx.workspaceId, { ...period, language: ctx.language }),
    ]);
    const labels = new Map(reasons.reasons.map((r) => [r.key, r.label]));
    return {
      churnRate: current.customerChurn.percent,
      customersLost: current.customerChurn.lost,
      customersAtStart: current.customerChurn.atStart,
      previousChurnRate: before.customerChurn.percent,
      mrrLost: current.revenueChurn.mrrLost,
      previousMrrLost: before.revenueChurn.mrrLost,
      saveRate: current.saves.percent,
      saved: current.saves.saved,
      finishedFlows: current.saves.finishedFlows,
      topReasons: reasons.totals.reasons
        .filter((r) => r.count > 0)
        .slice(0, TOP)
        .map((r) => ({ reasonKey: r.reasonKey, label: labels.get(r.reasonKey) ?? r.reasonKey, count: r.count, percent: r.percent })),
      link: link('/churn', ctx.days),
    };
  }

  /** The inbox's active cases now, per touchpoint: the inbox with that touchpoint (and breached) filter lists them. */
  private async casesPart(ctx: PartContext): Promise<OverviewCasesDto> {
    const [counts, touchpoints] = await Promise.all([this.cases.countsByTouchpoint(ctx.workspaceId, ctx.now), this.touchpointList(ctx)]);
    const names = new Map(touchpoints.map((t) => [t.id, t.name]));
    const total = (pick: (c: (typeof counts)[number]) => number) => counts.reduce((sum, c) => sum + pick(c), 0);
    return {
      open: total((c) => c.open),
      breached: total((c) => c.breached),
      dueSoon: total((c) => c.dueSoon),
      byTouchpoint: [...counts]
        .sort(
          (a, b) =>
            b.open - a.open ||
            b.breached - a.breached ||
            (names.get(a.touchpointId ?? '') ?? '').localeCompare(names.get(b.touchpointId ?? '') ?? ''),
        )
        .map((c) => ({
          ...c,
          name: c.touchpointId ? (names.get(c.touchpointId) ?? null) : null,
          link: link('/cases', { touchpoint: c.touchpointId ?? undefined }),
          breachedLink: link('/cases', { touchpoint: c.touchpointId ?? undefined, breached: '1' }),
        })),
      link: link('/cases'),
      breachedLink: link('/cases', { breached: '1' }),
    };
  }

  /** The Clusters page sorted by growth (last 7 days over the 7 before, whatever the period). */
  private async clustersPart(ctx: PartContext): Promise<OverviewClustersDto> {
    const growing = await this.clusters.growing(ctx.workspaceId, TOP, ctx.now);
    return {
      growing: growing.map((c) => ({
        id: c.id,
        name: c.name,
        lastSevenDays: c.lastSevenDays,
        previousSevenDays: c.previousSevenDays,
        growth: c.growth,
        link: link(`/clusters/${c.id}`),
      })),
      link: link('/clusters', { sort: 'growth' }),
    };
  }

  /** The Mentions page's figures (this and the previous period) and its spike alerts on days of the period. */
  private async mentionsPart(ctx: PartContext): Promise<OverviewMentionsDto> {
    const [current, before, alerts] = await Promise.all([
      this.mentions.stats(ctx.workspaceId, { from: ctx.from.toISOString(), to: ctx.to.toISOString(), timeZone: ctx.timeZone }),
      this.mentions.stats(ctx.workspaceId, {
        from: ctx.previous.from.toISOString(),
        to: ctx.previous.to.toISOString(),
        timeZone: ctx.timeZone,
      }),
      this.spikes.list(ctx.workspaceId),
    ]);
    const share = (t: { negative: number; total: number }) => (t.total > 0 ? Math.round((t.negative / t.total) * 1000) / 10 : null);
    return {
      total: current.totals.total,
      negative: current.totals.negative,
      negativeShare: share(current.totals),
      previousTotal: before.totals.total,
      previousNegativeShare: share(before.totals),
      unansweredNegative: current.unansweredNegative,
      spikes: alerts
        .filter((a) => a.day >= ctx.days.from && a.day <= ctx.days.to)
        .map((a) => ({ day: a.day, negativeCount: a.negativeCount, baseline: a.baseline })),
      link: link('/mentions', ctx.days),
    };
  }

  private async touchpointsPart(ctx: PartContext): Promise<OverviewTouchpointsDto> {
    const touchpoints = await this.touchpointList(ctx);
    return {
      total: touchpoints.length,
      unowned: touchpoints.filter((t) => t.unowned).map((t) => ({ id: t.id, name: t.name, stage: t.stage })),
      link: link('/touchpoints'),
    };
  }

  /** The Churn page's sleeping customers (now: quiet for half the inactive period). */
  private async sleeping(ctx: PartContext): Promise<OverviewSleepingDto> {
    const inactive = await this.inactivity.list(ctx.workspaceId, ctx.now);
    return {
      count: inactive.sleeping.length,
      sleepingDays: inactive.sleepingDays,
      longestQuiet: [...inactive.sleeping]
        .sort((a, b) => b.daysInactive - a.daysInactive || a.externalId.localeCompare(b.externalId))
        .slice(0, TOP)
        .map((s) => ({ externalId: s.externalId, name: s.name, daysInactive: s.daysInactive })),
      link: link('/churn', ctx.days),
    };
  }

  /** Setup steps, each ticked from the data (null where the caller may not read it), each linking to where it is done. */
  private async checklist(ctx: PartContext, principal: Principal, role: Role | null): Promise<OverviewChecklistDto> {
    const checks: Record<ChecklistStep, { done: () => Promise<boolean>; link: OverviewLinkDto }> = {
      survey: { done: async () => (await this.surveyList(ctx)).length > 0, link: link('/surveys/new') },
      // The link is fixed below: the newest survey's Embed tab while the step is open.
      embed: { done: () => this.surveyActivity(ctx), link: link('/surveys') },
      owners: { done: async () => (await this.touchpointList(ctx)).some((t) => !t.unowned), link: link('/touchpoints') },
      // Every workspace has the default policy: the step is done once someone set one up (a new one, the default
      // edited, or a touchpoint naming one).
      sla: {
        done: async () =>
          (await this.slaPolicies.list(ctx.workspaceId)).some(
            (p) => !p.isDefault || p.touchpointCount > 0 || new Date(p.updatedAt).getTime() > new Date(p.createdAt).getTime(),
          ),
        link: link('/touchpoints/sla'),
      },
      cancellation: { done: async () => (await this.flows.list(ctx.workspaceId)).length > 0, link: link('/churn') },
      mentions: {
        done: async () => (await this.feeds.list(ctx.workspaceId)).length > 0 || (await this.anyMention(ctx)),
        link: link('/mentions/feeds'),
      },
      team: {
        done: async () =>
          (await this.memberships.memberCount(ctx.workspaceId)) > 1 || (await this.invitations.listPending(ctx.workspaceId)).length > 0,
        link: link('/settings/members'),
      },
    };
    const now = Date.now();
    if (this.doneSteps.size > 10_000) this.doneSteps.clear();
    const isDone = async (key: ChecklistStep): Promise<boolean> => {
      const cacheKey = `${ctx.workspaceId}|${key}`;
      if ((this.doneSteps.get(cacheKey) ?? 0) > now) return true;
      const done = await checks[key].done();
      if (done) this.doneSteps.set(cacheKey, now + OVERVIEW_CACHE_MS);
      return done;
    };
    const steps = await Promise.all(
      CHECKLIST_STEPS.map(async (key) => ({
        key,
        done: refusal(principal, role, STEP_RULES[key]) ? null : await isDone(key),
        link: checks[key].link,
      })),
    );
    const embed = steps.find((s) => s.key === 'embed')!;
    if (embed.done === false) embed.link = await this.embedLink(ctx);
    return { steps, done: steps.filter((s) => s.done === true).length, total: steps.length };
  }

  /** The newest survey's Embed tab (the surveys list when there is none). */
  private async embedLink(ctx: PartContext): Promise<OverviewLinkDto> {
    const newest = (await this.surveyList(ctx))[0];
    return newest ? link(`/surveys/${newest.id}/embed`) : link('/surveys');
  }
}

interface PartContext {
  workspaceId: string;
  from: Date;
  to: Date;
  timeZone: string;
  /** The period as the pages' custom dates (local, both included). */
  days: { from: string; to: string };
  previous: { from: Date; to: Date };
  now: Date;
  language: string;
  reads: Reads;
}
