import { pluralEn } from './plural';

/** Strings of the mirror survey page (/mirror): staff vs customers; `mirror` in en.ts. */
export const mirrorEn = {
  title: 'Mirror survey',
  intro:
    'Staff of each touchpoint answer the customer survey as they think customers would. Where staff and customers disagree most, there is a blind spot.',
  answer: {
    title: 'Mirror: rate as your customers would',
    intro: 'Answer for each touchpoint you work at. You can change your answers until the period closes.',
    none: 'You have no mirrors to answer right now.',
    pending: (n: number) => `${n} ${pluralEn(n, 'mirror', 'mirrors')} waiting for your answers`,
    period: 'Period',
    closes: (date: string) => `Open until ${date}`,
    answered: 'Answered',
    notAnswered: 'Not answered',
    save: 'Save answers',
    update: 'Update answers',
    saved: 'Saved. You can change your answers until the period closes.',
    missing: 'Answer every question first.',
  },
  report: {
    title: 'Staff vs customers',
    mirror: 'Mirror',
    from: 'From',
    to: 'To',
    note: (survey: string) =>
      `Customers: finished answers to “${survey}” at each touchpoint in the same months. Gap = staff mean − customers mean.`,
    csv: 'the mirror report',
    chartLabel: (rows: number) => `Grouped bar chart: staff and customer means for ${rows} ${pluralEn(rows, 'question', 'questions')}`,
    staff: 'Staff',
    customers: 'Customers',
    trendTitle: 'Gap by month',
    trendIntro: 'Staff mean − customers mean per month; above zero, staff think it is better than customers say.',
    trendLabel: 'Line chart of the gap by month per touchpoint and question',
    empty: 'No answers in this period yet.',
  },
  columns: {
    touchpoint: 'Touchpoint',
    question: 'Question',
    customers: 'Customers (n)',
    staff: 'Staff (n)',
    gap: 'Gap',
    verdict: 'Reading',
  },
  direction: {
    staff_higher: 'Staff think it is better than customers say',
    staff_lower: 'Staff think it is worse than customers say',
    same: 'Staff and customers agree',
  } as Record<string, string>,
  blindSpot: 'Blind spot',
  blindSpotHint: (threshold: string) => `|gap| above ${threshold}`,
  noData: 'Not enough answers',
  margin: (moe: string) => `± ${moe} (95 %)`,
  list: {
    title: 'Mirrors',
    intro: 'Each mirror asks a customer survey’s questions of the staff of its touchpoints, once per period.',
    empty: 'No mirrors yet. An admin or analyst can create one from a customer survey with the API (POST …/mirrors).',
    survey: 'Survey',
    period: { month: 'Monthly', quarter: 'Quarterly' } as Record<string, string>,
    staffRate: 'Staff answered this period',
    rate: (answered: number, staff: number) => `${answered} of ${staff}`,
    noStaff: 'No staff',
    paused: 'Paused',
  },
};

export type MirrorMessages = typeof mirrorEn;
