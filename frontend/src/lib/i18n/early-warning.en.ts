import { pluralEn } from './plural';

/** The "At risk" page and the early-warning rules (merged as `earlyWarning` in en.ts). */
export const earlyWarningEn = {
  title: 'At risk',
  intro:
    'Customers whose behaviour says they may be leaving: they broke their own order rhythm, stopped paying, use the product much less or moved into an at-risk RFM group. Each warning opens an “at risk” case.',
  backToCustomers: 'All customers',
  tabsLabel: 'At-risk views',
  tabs: { mine: 'My customers', all: 'All customers', rules: 'Rules' },
  filters: {
    label: 'Filter warnings',
    rule: 'Rule',
    anyRule: 'Any rule',
    state: 'Show',
    states: { open: 'Open', cleared: 'Cleared', all: 'Open and cleared' } as Record<string, string>,
  },
  rules: {
    rhythm_break: 'Broke their rhythm',
    payments_stopped: 'Payments stopped',
    usage_drop: 'Usage dropped',
    rfm_at_risk: 'At-risk RFM group',
  } as Record<string, string>,
  rfmGroups: {
    champions: 'Champions',
    loyal: 'Loyal',
    potential: 'Potential loyalists',
    new: 'New',
    at_risk: 'At risk',
    cant_lose: 'Can’t lose them',
    hibernating: 'Hibernating',
    lost: 'Lost',
  } as Record<string, string>,
  columns: { customer: 'Customer', rule: 'Rule', seen: 'What was seen', raised: 'Raised', manager: 'Account manager', case: 'Case' },
  seen: {
    rhythm_break: (usual: string, since: number) =>
      `usual interval ${usual} ${pluralEn(Number(usual), 'day', 'days')}, ${since} ${pluralEn(since, 'day', 'days')} since the last order`,
    payments_stopped: (usual: string, grace: number, since: number) =>
      `pays every ${usual} ${pluralEn(Number(usual), 'day', 'days')} (+${grace} days grace), ${since} ${pluralEn(since, 'day', 'days')} since the last payment`,
    usage_drop: (event: string, previous: number, current: number, drop: number) =>
      `“${event}”: ${previous} → ${current} in 30 days (−${drop} %)`,
    rfm_at_risk: (group: string) => `moved into “${group}”`,
  },
  cleared: (date: string) => `cleared ${date}`,
  openCase: 'Open the case',
  noCase: 'Opening…',
  none: '—',
  counts: (n: number) => `${n} open ${pluralEn(n, 'warning', 'warnings')}`,
  emptyMine: 'None of the customers you manage is at risk right now.',
  emptyAll: 'No customer is at risk right now.',
  emptyFiltered: 'No warnings match these filters.',
  more: 'Show more',
  scanNow: 'Scan now',
  scanned: (raised: number, cleared: number) => `Scan done: ${raised} new, ${cleared} cleared.`,
  form: {
    title: 'Warning rules',
    intro: 'What counts as a warning sign. Each rule can be switched off; the scan runs daily and soon after new activity.',
    readOnly: 'You can see the rules. Only admins change them.',
    defaults: 'These are the defaults; nothing has been saved yet.',
    rhythm: {
      legend: 'Order rhythm',
      enabled: 'Warn when a customer breaks their own order rhythm',
      factor: 'Times their usual interval',
      factorHint: 'The usual interval is the median gap between their orders; 2 means “no order for twice as long as usual”.',
      minOrders: 'Orders before a customer has a rhythm',
    },
    payments: {
      legend: 'Payments',
      enabled: 'Warn when payments stop (customers with 2 or more payments)',
      grace: 'Days of grace past their usual payment interval',
    },
    usage: {
      legend: 'Usage',
      enabled: 'Warn when usage drops month over month',
      event: 'Event counted',
      eventHint: '“login” counts logins; any other name counts the events of that name.',
      drop: 'Drop of at least, %',
      min: 'Events in the month before, at least',
      minHint: 'Below this a drop is noise.',
    },
    rfm: {
      legend: 'RFM groups',
      enabled: 'Warn when a customer moves into one of these groups',
    },
    followUp: {
      legend: 'What a warning does',
      touchpoint: 'Touchpoint of the “at risk” case',
      touchpointHint: 'Its SLA (and team, when nobody manages the customer) applies to the case.',
      touchpointNone: 'None: the default SLA',
      moment: 'Survey moment',
      momentHint: 'Recorded with each warning, so a survey waiting for this event asks the customer before they leave. Empty: none.',
    },
    save: 'Save rules',
    saving: 'Saving…',
    discard: 'Discard changes',
    saved: 'Rules saved.',
  },
  backtest: {
    title: 'How early would these rules have warned?',
    intro:
      'Replays the saved rules week by week over the last 26 weeks, using only what was known each week (RFM groups have no history and are left out). Nothing is stored or sent.',
    run: 'Replay',
    cancelled: 'Customers who cancelled',
    warnedFirst: 'Warned first',
    median: 'Median days before',
    p25: 'A quarter warned at most',
    falseAlarms: 'Warned, did not cancel within 90 days',
    days: (n: number) => `${n} ${pluralEn(n, 'day', 'days')}`,
    share: (share: string) => `${share} of those who cancelled`,
  },
};

export type EarlyWarningMessages = typeof earlyWarningEn;
