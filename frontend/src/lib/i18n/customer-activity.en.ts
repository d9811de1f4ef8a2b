import { pluralEn } from './plural';

/** Strings of behaviour and RFM (mounted as `customerActivity` in en.ts). */
export const customerActivityEn = {
  groups: {
    champions: 'Champions',
    loyal: 'Loyal',
    potential: 'Potential loyalists',
    new: 'New',
    at_risk: 'At risk',
    cant_lose: "Can't lose",
    hibernating: 'Hibernating',
    lost: 'Lost',
  },
  rfm: {
    title: 'RFM: recency, frequency, money',
    intro:
      'Customers with an order in the last 365 days, scored 1–5 against each other: how recently they ordered (rows), how often (columns) and how much they spent. Pick a cell or a group to list its customers.',
    empty: 'No scores yet: RFM needs orders. Send them with the activity API or import a CSV.',
    gridLabel: 'Customers by recency and frequency score',
    groupsLabel: 'RFM groups',
    recencyAxis: 'Recency 5 → 1',
    frequencyAxis: 'Frequency 1 → 5',
    meanMoney: 'mean money',
    all: 'All groups',
    cellLabel: (recency: number, frequency: number, customers: number, group: string) =>
      `Recency ${recency}, frequency ${frequency}: ${customers} ${pluralEn(customers, 'customer', 'customers')} (${group})`,
    scoredAt: (at: string, customers: string) => `Scored ${at}, ${customers} customers with orders.`,
  },
  profile: {
    title: 'Behaviour',
    recency: 'Recency',
    frequency: 'Frequency',
    monetary: 'Money',
    noScores: 'No RFM scores: no orders in the last 365 days.',
    recent: 'Latest orders, payments and logins',
    noActivity: 'No activity reported yet.',
    kinds: { order: 'Order', payment: 'Payment', login: 'Login', event: 'Event' },
  },
};

export type CustomerActivityMessages = typeof customerActivityEn;
