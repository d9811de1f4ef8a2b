/**
 * The colour funnel CX teams run their customer base by, in funnel order, then its red end (losses). Stable keys:
 * API clients, webhooks and saved segments use them; labels live in the dashboard's dictionaries.
 */
export const COLOUR_STATUSES = [
  'white',
  'grey',
  'green',
  'yellow',
  'green_gold',
  'gold',
  'platinum',
  'red_green',
  'red_gold',
  'red_platinum',
] as const;
export type ColourStatus = (typeof COLOUR_STATUSES)[number];

/** The red end: customers who turned the offer down or stopped buying. */
export const RED_STATUSES = ['red_green', 'red_gold', 'red_platinum'] as const satisfies readonly ColourStatus[];
export type RedStatus = (typeof RED_STATUSES)[number];

export const isRedStatus = (status: ColourStatus): status is RedStatus => (RED_STATUSES as readonly string[]).includes(status);

/** What a customer said to an offer: agreed to look at it, asked for a product or service, or turned it down. */
export const OFFER_RESPONSES = ['interested', 'requested', 'declined'] as const;
export type OfferResponse = (typeof OFFER_RESPONSES)[number];

/** Why a status changed: the workspace's rules, a person's override, or an override taken back. */
export const STATUS_CHANGE_CAUSES = ['rules', 'override', 'override_cleared'] as const;
export type StatusChangeCause = (typeof STATUS_CHANGE_CAUSES)[number];
