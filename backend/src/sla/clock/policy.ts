// SLA policies: first-response and resolution targets per priority × channel, counted in business hours of a
// calendar or in calendar hours (24×7), with editable defaults. Pure data + functions; storage is elsewhere.
import { addBusinessTime, Pause } from './business-time';
import { BusinessCalendar, CALENDAR_24X7, defaultBusinessCalendar, workingDayMinutes } from './calendar';

export const SLA_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type SlaPriority = (typeof SLA_PRIORITIES)[number];

export const SLA_CHANNELS = [
  'social',
  'chat',
  'messenger',
  'email',
  'web_form',
  'phone',
  'survey',
  'review',
  'in_person',
  'other',
] as const;
export type SlaChannel = (typeof SLA_CHANNELS)[number];

/** 'business': count working time of the policy's calendar; 'calendar': count every hour (24×7). */
export type SlaClockMode = 'business' | 'calendar';

/** One rule; any field left out falls back to a less specific rule (see targetFor). null = no target. */
export interface SlaTargetRule {
  firstResponseMinutes?: number | null;
  resolutionMinutes?: number | null;
  clock?: SlaClockMode;
}

/** A fully resolved target for one priority and channel. */
export interface SlaTarget {
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  clock: SlaClockMode;
}

/** '*' matches any priority / any channel. */
export type SlaRules = Partial<Record<SlaPriority | '*', Partial<Record<SlaChannel | '*', SlaTargetRule>>>>;

export interface SlaPolicy {
  name: string;
  /** Clock for rules that don't name one. */
  clock: SlaClockMode;
  rules: SlaRules;
  /** Share of a target after which a case is "at risk" (the 80% warning). */
  warnAtShare: number;
}

/**
 * Defaults after common service standards, all editable. Assumptions, with the usual sources:
 * - social and chat/messenger first reply within 1 business hour: public posts are seen by everyone and
 *   customers on social/chat expect an answer within the hour (Sprout Social Index, Convince & Convert surveys;
 *   the brief's "social and chat replies within 1 business hour");
 * - phone: a missed call or voicemail is called back within 1 business hour;
 * - email, web form, survey follow-up (closing the loop with a detractor), reviews and in-person requests:
 *   first reply within 1 business day (= the calendar's usual working day, 9 h for 09:00–18:00). Closed-loop NPS
 *   practice (Bain) asks for detractor follow-up within 24–48 h;
 * - urgent cases get a first reply within 1 business hour on every channel;
 * - resolution by priority, as in typical Zendesk/ITIL-style matrices: urgent 4 business hours, high 1 business
 *   day, normal 3 business days, low 5 business days.
 * A "business day" is the calendar's usual working day length (workingDayMinutes), so the policy stays correct
 * for 8-hour or split days.
 */
export function defaultSlaPolicy(calendar: BusinessCalendar = defaultBusinessCalendar('UTC')): SlaPolicy {
  const day = workingDayMinutes(calendar) || 540;
  const hour = 60;
  return {
    name: 'Default',
    clock: 'business',
    warnAtShare: 0.8,
    rules: {
      '*': {
        '*': { firstResponseMinutes: day },
        social: { firstResponseMinutes: hour },
        chat: { firstResponseMinutes: hour },
        messenger: { firstResponseMinutes: hour },
        phone: { firstResponseMinutes: hour },
        email: { firstResponseMinutes: day },
        web_form: { firstResponseMinutes: day },
        survey: { firstResponseMinutes: day },
        review: { firstResponseMinutes: day },
        in_person: { firstResponseMinutes: day },
      },
      urgent: { '*': { firstResponseMinutes: hour, resolutionMinutes: 4 * hour } },
      high: { '*': { resolutionMinutes: day } },
      normal: { '*': { resolutionMinutes: 3 * day } },
      low: { '*': { resolutionMinutes: 5 * day } },
    },
  };
}

/**
 * The target for a priority and channel. Each field is taken from the most specific rule that sets it:
 * [priority][channel] → [priority]['*'] → ['*'][channel] → ['*']['*']; an unknown priority counts as 'normal',
 * an unknown channel as 'other'. Fields no rule sets are null (no target); the clock defaults to the policy's.
 */
export function targetFor(policy: SlaPolicy, priority: string, channel: string): SlaTarget {
  const p = (SLA_PRIORITIES as readonly string[]).includes(priority) ? (priority as SlaPriority) : 'normal';
  const c = (SLA_CHANNELS as readonly string[]).includes(channel) ? (channel as SlaChannel) : 'other';
  const chain = [policy.rules[p]?.[c], policy.rules[p]?.['*'], policy.rules['*']?.[c], policy.rules['*']?.['*']];
  const pick = <K extends keyof SlaTargetRule>(key: K): SlaTargetRule[K] | undefined => chain.find((r) => r && r[key] !== undefined)?.[key];
  return {
    firstResponseMinutes: pick('firstResponseMinutes') ?? null,
    resolutionMinutes: pick('resolutionMinutes') ?? null,
    clock: pick('clock') ?? policy.clock,
  };
}

/** Problems with a policy (e.g. from a settings form), in words; empty when valid. */
export function validateSlaPolicy(policy: unknown): string[] {
  if (!policy || typeof policy !== 'object') return ['policy must be an object'];
  const p = policy as Partial<SlaPolicy>;
  const problems: string[] = [];
  if (typeof p.name !== 'string' || !p.name.trim()) problems.push('name is required');
  if (p.clock !== 'business' && p.clock !== 'calendar') problems.push('clock must be "business" or "calendar"');
  if (typeof p.warnAtShare !== 'number' || !(p.warnAtShare > 0 && p.warnAtShare < 1))
    problems.push('warnAtShare must be a number between 0 and 1 (e.g. 0.8)');
  if (!p.rules || typeof p.rules !== 'object') return [...problems, 'rules must be an object'];
  for (const [prio, byChannel] of Object.entries(p.rules)) {
    if (prio !== '*' && !(SLA_PRIORITIES as readonly string[]).includes(prio))
      problems.push(`rules: unknown priority "${prio}" (use ${SLA_PRIORITIES.join(', ')} or *)`);
    for (const [channel, rule] of Object.entries(byChannel ?? {})) {
      const where = `rules ${prio}/${channel}`;
      if (channel !== '*' && !(SLA_CHANNELS as readonly string[]).includes(channel))
        problems.push(`rules: unknown channel "${channel}" (use ${SLA_CHANNELS.join(', ')} or *)`);
      for (const key of ['firstResponseMinutes', 'resolutionMinutes'] as const) {
        const v = (rule as SlaTargetRule | undefined)?.[key];
        if (v !== undefined && v !== null && !(typeof v === 'number' && Number.isFinite(v) && v > 0))
          problems.push(`${where}: ${key} must be a positive number of minutes or null`);
      }
      const clock = (rule as SlaTargetRule | undefined)?.clock;
      if (clock !== undefined && clock !== 'business' && clock !== 'calendar')
        problems.push(`${where}: clock must be "business" or "calendar"`);
    }
  }
  return problems;
}

export interface SlaDeadlines {
  /** null when there is no such target, or an open pause leaves the moment unknown. */
  firstResponseDue: Date | null;
  firstResponseWarnAt: Date | null;
  resolutionDue: Date | null;
  resolutionWarnAt: Date | null;
}

/**
 * Due times and warning times (at `warnAtShare` of each target, 0.8 by default) for a case opened at `openedAt`.
 * `calendar` is used for 'business' targets; 'calendar' targets count 24×7. Pauses apply to both timers; pass
 * none for first response if waiting on the customer should not stop it (it normally can't happen before the
 * first reply anyway).
 */
export function deadlines(
  openedAt: Date,
  target: SlaTarget,
  calendar: BusinessCalendar,
  pauses?: readonly Pause[],
  warnAtShare = 0.8,
): SlaDeadlines {
  const cal = target.clock === 'calendar' ? CALENDAR_24X7 : calendar;
  const at = (minutes: number | null, share: number) => (minutes === null ? null : addBusinessTime(openedAt, minutes * share, cal, pauses));
  return {
    firstResponseDue: at(target.firstResponseMinutes, 1),
    firstResponseWarnAt: at(target.firstResponseMinutes, warnAtShare),
    resolutionDue: at(target.resolutionMinutes, 1),
    resolutionWarnAt: at(target.resolutionMinutes, warnAtShare),
  };
}
