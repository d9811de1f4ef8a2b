import { monthPeriodFieldsEn } from './month-periods';
import { pluralEn } from './plural';

/** Strings of "who lost whom" (Customers → Managers), the account manager picker and the bulk assignment; `accountManagers` in en.ts. */
export const accountManagersEn = {
  title: 'Who lost whom',
  intro:
    'Losses, saves, money lost, NPS and open cases of the customers of each account manager, touchpoint or segment. Your own portfolio comes first.',
  link: 'Who lost whom',
  filters: {
    label: 'Managers report filters',
    ...monthPeriodFieldsEn,
  },
  by: { label: 'Group by', manager: 'Account manager', touchpoint: 'Touchpoint', segment: 'Segment' } as Record<string, string>,
  byNote: {
    manager: 'Each customer counts for their account manager.',
    touchpoint: 'Each customer counts for the touchpoint of their latest case.',
    segment: 'Each saved segment counts its own customers; a customer may be in several.',
  } as Record<string, string>,
  noManager: 'No account manager',
  noTouchpoint: 'No case at a touchpoint',
  you: 'you',
  columns: {
    group: 'Group',
    customers: 'Customers',
    losses: 'Losses',
    lossRate: 'Loss rate',
    saves: 'Saves',
    moneyLost: 'Money lost (MRR)',
    nps: 'NPS',
    openCases: 'Open cases',
  },
  savesDetail: (offers: number, warnings: number) =>
    `${offers} ${pluralEn(offers, 'flow', 'flows')} saved by an offer, ${warnings} ${pluralEn(warnings, 'warning', 'warnings')} cleared`,
  npsDetail: (n: number) => `${n} ${pluralEn(n, 'answer', 'answers')}`,
  chart: {
    title: 'Losses and saves',
    losses: 'Losses',
    saves: 'Saves',
    summary: (groups: number) => `Bar chart of losses and saves in ${groups} groups`,
  },
  empty: 'Nothing to show for this period.',
  csv: 'managers report',
  picker: {
    label: 'Account manager',
    none: 'No account manager',
    saved: 'Account manager saved.',
  },
  bulk: {
    open: 'Assign a manager',
    title: 'Assign an account manager',
    intro: (n: number) => `The ${n} ${pluralEn(n, 'customer', 'customers')} shown on this page get this account manager.`,
    submit: 'Assign',
    done: (n: number) => `${n} ${pluralEn(n, 'customer', 'customers')} assigned.`,
  },
};

export type AccountManagersMessages = typeof accountManagersEn;
