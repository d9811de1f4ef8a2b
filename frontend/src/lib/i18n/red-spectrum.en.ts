import { monthPeriodFieldsEn } from './month-periods';
import { pluralEn } from './plural';

/** Strings of the red spectrum report (Churn → Red spectrum), mounted as `redSpectrum` in en.ts. */
export const redSpectrumEn = {
  title: 'Which reasons lose us our long-term clients',
  intro:
    'Customers in the red statuses by why they left: the reason of their cancellation, else the churn reason of their closed case, else their last negative feedback.',
  filters: {
    label: 'Red spectrum filters',
    ...monthPeriodFieldsEn,
  },
  statuses: {
    red_green: 'Red-green',
    red_gold: 'Red-gold',
    red_platinum: 'Red-platinum',
  } as Record<string, string>,
  statusHelp: {
    red_green: 'turned the offer down',
    red_gold: 'stopped after a few orders',
    red_platinum: 'stopped after long cooperation',
  } as Record<string, string>,
  totals: {
    label: 'Red spectrum totals',
    all: 'All red customers',
    customers: (n: number, formatted: string) => `${formatted} ${pluralEn(n, 'customer', 'customers')}`,
    share: (share: string) => `${share} of red`,
    money: (money: string) => `${money} MRR lost`,
  },
  reasons: {
    unknown: 'Reason unknown',
    cluster: (name: string) => `Complaints: ${name}`,
    survey: (name: string) => `Low score in ${name}`,
  },
  heatmap: {
    title: 'Red status × loss reason',
    intro: 'Customers and their share of the status. Pick a cell to see who they are.',
    reason: 'Loss reason',
    total: 'Total',
    moneyLost: 'Money lost (MRR)',
    cell: (n: number, share: string) => `${n} · ${share}`,
    cellLabel: (status: string, reason: string, n: number, share: string) =>
      `${status}, ${reason}: ${n} ${pluralEn(n, 'customer', 'customers')}, ${share} of the status`,
    empty: 'No customer entered a red status in this period.',
  },
  money: {
    title: 'Money lost per red status',
    intro: 'The monthly recurring revenue on the records of the customers lost.',
    chart: (n: number) => `Bar chart of the money lost in ${n} red statuses`,
  },
  trend: {
    title: 'Customers turning red, by month',
    intro: 'Moves into a red status each month, stacked by loss reason.',
    status: 'Status',
    allStatuses: 'All red statuses',
    month: 'Month',
    showTable: 'Show as a table',
    chart: (months: number, reasons: number) => `Stacked bar chart: ${months} months, ${reasons} loss reasons`,
    empty: 'No moves into a red status in this period.',
  },
  drill: {
    title: 'The customers behind a cell',
    pick: 'Pick a cell of the table above to list its customers.',
    customer: 'Customer',
    status: 'Status',
    reason: 'Loss reason',
    money: 'MRR',
    when: 'Turned red',
    profile: 'Profile',
    timeline: 'Timeline',
    more: 'Show more',
    clear: 'Clear',
    empty: 'No customers here.',
  },
  csvReport: 'red spectrum',
  csvCustomers: 'customers of the cell',
};

export type RedSpectrumMessages = typeof redSpectrumEn;
