import { pluralEn } from './plural';
import { monthPeriodFieldsEn } from './month-periods';

/** Strings of the Churn page (mounted as `churn` in en.ts). */
export const churnEn = {
  title: 'Churn',
  intro: 'Who leaves, why, and what it costs: cancellations, silent churn and saves.',
  filters: {
    label: 'Churn filters',
    ...monthPeriodFieldsEn,
    segment: 'Segment',
    plan: 'Plan',
    anySegment: 'Any segment',
    anyPlan: 'Any plan',
    filterNote: 'Segment and plan filter the reason charts.',
  },
  kpi: {
    label: 'Key churn figures',
    churnRate: 'Customer churn',
    churnDetail: (lost: string, atStart: string, atStartCount: number) =>
      `${lost} of ${atStart} ${pluralEn(atStartCount, 'customer', 'customers')} at the start`,
    churnHelp:
      'Over the whole period: customers who cancelled ÷ customers you had at its start. Customers who joined during the period count in neither number, so this is not the monthly rates below added up.',
    revenueChurn: 'Revenue churn',
    revenueDetail: (lost: string, atStart: string) => `${lost} of ${atStart} MRR`,
    saveRate: 'Save rate',
    saveDetail: (saved: string, flows: string, flowCount: number) =>
      `${saved} saved of ${flows} finished cancellation ${pluralEn(flowCount, 'flow', 'flows')}`,
    saveHelp: 'Counts cancellation flows, not customers: flows that ended with the customer staying ÷ flows finished.',
    revenueSaved: 'Revenue saved',
    revenueSavedDetail: 'MRR kept by accepted offers',
    moneyLost: 'Money lost to churn',
    moneyLostDetail: (lost: string, check: string, purchases: string, lostCount: number) =>
      `${lost} ${pluralEn(lostCount, 'customer', 'customers')} × ${check} × ${purchases} purchases`,
    moneyLostHint: 'For businesses without subscriptions: enter the average check and purchases per customer in the period.',
    averageCheck: 'Average check',
    purchases: 'Purchases per period',
    silentChurn: (n: string) => `incl. ${n} lost by inactivity`,
    sleeping: 'Sleeping customers',
    sleepingDetail: (days: string) => `quiet for ${days}+ days: reactivate them`,
    sleepingCsv: 'Download list (CSV)',
    noData: 'No data',
    noBase: 'No customers at the start of the period',
  },
  reasons: {
    title: 'Reasons over time',
    intro: 'Each share is taken over the cancellation flows that offered the reason.',
    counts: 'Counts',
    shares: 'Shares',
    view: 'Show',
    empty: 'No cancellations in this period.',
    chartSummary: (months: number, reasons: number) =>
      `Stacked bar chart of ${reasons} cancellation reasons over ${months} months. The table below has the same numbers.`,
    showTable: 'Show as a table',
    month: 'Month',
    total: 'Total',
    totals: 'Whole period',
    notOffered: 'not offered',
    cellValue: (count: string, percent: string) => `${count} (${percent})`,
    clickHint: 'Choose a reason to read what customers wrote.',
    readComments: (label: string) => `Read comments: ${label}`,
  },
  avoidable: {
    title: 'Avoidable vs unavoidable',
    avoidable: 'Avoidable',
    unavoidable: 'Unavoidable',
    unknown: 'Not classified',
    chartSummary: (avoidable: string, unavoidable: string) =>
      `Stacked bar chart per month. Whole period: ${avoidable} avoidable, ${unavoidable} unavoidable.`,
    empty: 'No cancellations in this period.',
  },
  breakdown: {
    title: 'Reasons by group',
    by: 'Group by',
    dimensions: { segment: 'Segment', plan: 'Plan', touchpoint: 'Touchpoint' } as Record<string, string>,
    group: 'Group',
    none: 'Not set',
    total: 'Cancellations',
    empty: 'No cancellations in this period.',
  },
  comments: {
    title: 'What customers wrote',
    pick: 'Choose a reason in the chart legend or the table to see its latest comments.',
    reason: 'Reason',
    empty: 'No comments for this reason in the period.',
    outcomes: { saved: 'Saved', cancelled: 'Cancelled' } as Record<string, string>,
    anonymous: 'Anonymous',
  },
  cohorts: {
    title: 'Retention by first-seen month',
    intro: (days: string, dayCount: number) =>
      `Share of each month's new customers still with you at the end of each later month; the month in progress shows the share so far (in italics). Lost = cancelled (from the month of the cancellation) or inactive for ${days} ${pluralEn(dayCount, 'day', 'days')}.`,
    soFar: 'so far',
    cohort: 'Cohort',
    size: 'Customers',
    offset: (k: number) => `Month ${k}`,
    notYet: 'not over yet',
    empty: 'No customers were first seen in this period.',
    cellLabel: (cohort: string, k: number, percent: string, retained: string) => `${cohort}, month ${k}: ${percent} retained (${retained})`,
  },
  funnel: {
    title: 'Funnel status',
    intro: 'Customers by where they stand, and the period’s lost customers by reason.',
    status: 'Status',
    customers: 'Customers',
    lostInPeriod: 'Lost in the period',
    reasons: 'Reasons',
    statuses: {
      new: 'New, no purchase yet',
      one_purchase: 'Bought once or twice',
      repeat: 'Regular (3+ purchases)',
      lost_early: 'Lost early',
      lost_after_one_purchase: 'Lost after one purchase',
      lost_after_long_cooperation: 'Lost after long cooperation',
    } as Record<string, string>,
    inactive: 'Went quiet',
    unknown: 'Unknown',
  },
  trend: {
    title: 'Monthly trend',
    intro:
      'Each month on its own: customers who cancelled that month ÷ customers at its start. Only cancellations count here; the cohorts and money lost also count customers lost by inactivity.',
    month: 'Month',
    churn: 'Customer churn',
    revenue: 'Revenue churn',
    save: 'Save rate',
    partial: 'so far',
  },
  csv: 'CSV',
  csvLabel: (what: string) => `Download ${what} as CSV`,
  retry: 'Try again',
};

export type ChurnMessages = typeof churnEn;
