import { monthPeriodFieldsEn } from './month-periods';
import { pluralEn } from './plural';

/** Strings of misrouting (Cases → Routing, the case page's reassign control, the journey map's badge), mounted as `caseRouting`. */
export const caseRoutingEn = {
  tab: 'Routing',
  title: 'Misrouting',
  intro:
    'How often cases start at the wrong touchpoint or with the wrong person, how many moves they take, the time that costs, and how many are resolved where they first landed.',
  timeNote:
    'Cases opened in the period. Time lost is wall-clock hours from opening to the last move marked "wrong touchpoint" or "wrong owner" (nights and weekends included).',
  filters: { label: 'Routing report filters', ...monthPeriodFieldsEn },
  hours: (value: string) => `${value} h`,
  kpi: {
    label: 'Routing figures of the period',
    rate: 'Misrouting rate',
    rateDetail: (misrouted: string, cases: string) => `${misrouted} of ${cases} cases left their first place because it was wrong`,
    hopsPerCase: 'Moves per case',
    hopsDetail: (none: string, one: string, two: string, more: string) => `0 moves: ${none} · 1: ${one} · 2: ${two} · 3+: ${more}`,
    timeLost: 'Time lost (median)',
    timeLostDetail: (mean: string) => `mean ${mean}, until the right owner`,
    fcr: 'First-contact resolution',
    fcrDetail: (resolved: string, all: string) => `${resolved} of ${all} resolved cases, by the first owner with no move`,
  },
  trend: {
    title: 'By month',
    intro: 'Misrouting rate and first-contact resolution of the cases opened each month.',
    rate: 'Misrouting rate, %',
    fcr: 'First-contact resolution, %',
    month: 'Month',
    cases: 'Cases',
    showTable: 'Show as a table',
    chart: (months: number) => `Line chart: misrouting rate and first-contact resolution over ${months} months`,
    empty: 'No cases in this period.',
  },
  touchpoints: {
    title: 'Touchpoints',
    intro:
      'Sent: misrouted cases that had landed here and were moved on. Received: misrouted cases that came here from the wrong place. A move between two people of one touchpoint counts on both sides.',
    touchpoint: 'Touchpoint',
    opened: 'Cases opened here',
    misrouted: 'Misrouted',
    sent: 'Sent on',
    received: 'Received',
    none: 'No touchpoint',
    empty: 'No cases in this period.',
  },
  groups: {
    rules: 'By routing rule',
    rulesIntro: 'How the case got its first owner.',
    sources: 'By source',
    sourcesIntro: 'Where the case came from.',
    rule: 'Routing rule',
    source: 'Source',
    cases: 'Cases',
    misrouted: 'Misrouted',
    hopsPerCase: 'Moves per case',
    timeLost: 'Time lost (median)',
    fcr: 'FCR',
    fcrTitle: 'First-contact resolution',
    unknown: 'Not recorded',
  },
  rules: {
    explicit: 'Owner chosen by hand',
    round_robin: 'Round robin in the team',
    touchpoint_owner: 'Touchpoint owner',
    unassigned: 'No owner found',
  } as Record<string, string>,
  reasons: {
    wrong_touchpoint: 'Wrong touchpoint',
    wrong_owner: 'Wrong owner',
    escalation: 'Escalation',
    workload: 'Workload',
    absence: 'Absence',
    other: 'Other',
  } as Record<string, string>,
  reasonsCard: {
    title: 'Why cases moved',
    reason: 'Reason',
    moves: 'Moves',
    csv: 'routing moves',
  },
  reassign: {
    touchpoint: 'Touchpoint',
    noTouchpoint: 'No touchpoint',
    question: 'Why does the case move?',
    choose: 'Choose a reason…',
    save: 'Move the case',
    cancel: 'Cancel',
  },
  events: {
    touchpointChanged: 'Moved to another touchpoint',
    reason: (reason: string) => `Reason: ${reason}`,
    noTouchpoint: 'No touchpoint',
  },
  history: {
    title: 'Routing',
    empty: 'The case has not moved.',
    move: (from: string, to: string) => `${from} → ${to}`,
    moves: (n: number) => `${n} ${pluralEn(n, 'move', 'moves')}`,
  },
  journey: {
    badge: (sent: number, received: number) => `Misrouted: ${sent} sent · ${received} received`,
    title: 'Misrouted cases in the last 90 days; open the routing report',
  },
};

export type CaseRoutingMessages = typeof caseRoutingEn;
