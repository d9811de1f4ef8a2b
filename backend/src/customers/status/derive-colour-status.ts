import type { LifecycleStage } from '../customers.dto';
import type { ColourStatus, OfferResponse } from './colour-status';

/** A workspace's thresholds (customer_status_rules; these defaults when it has no row). */
export interface StatusRules {
  platinumOrders: number;
  longCooperationDays: number;
  stoppedAfterDays: number;
}
export const DEFAULT_STATUS_RULES: Readonly<StatusRules> = { platinumOrders: 3, longCooperationDays: 365, stoppedAfterDays: 90 };

/**
 * The rule that decided a status, in the order they are tried (first match wins). Stored as the change's detail and
 * translated by the dashboard. "Stopped" means: marked as left (a cancellation), or a buyer with no order (no visit
 * when orders are not recorded) for stoppedAfterDays.
 *
 * - stopped_long_cooperation → red_platinum: stopped, ≥ platinumOrders orders and ≥ longCooperationDays from first seen to the stop
 * - stopped_buyer            → red_gold:     stopped after at least one order
 * - offer_declined           → red_green:    turned the offer down and never bought
 * - platinum_orders          → platinum:     ≥ platinumOrders orders
 * - ordered                  → gold:         at least one order
 * - offer_requested          → green_gold:   asked for a product or service
 * - marketing_consent        → yellow:       agreed to marketing email
 * - offer_interested         → green:        agreed to look at an offer
 * - no_decision_maker        → grey:         an organisation whose decision maker is unknown
 * - in_base                  → white:        nothing more known
 */
export const STATUS_RULES_IN_ORDER = [
  ['stopped_long_cooperation', 'red_platinum'],
  ['stopped_buyer', 'red_gold'],
  ['offer_declined', 'red_green'],
  ['platinum_orders', 'platinum'],
  ['ordered', 'gold'],
  ['offer_requested', 'green_gold'],
  ['marketing_consent', 'yellow'],
  ['offer_interested', 'green'],
  ['no_decision_maker', 'grey'],
  ['in_base', 'white'],
] as const satisfies readonly (readonly [string, ColourStatus])[];
export type StatusRuleKey = (typeof STATUS_RULES_IN_ORDER)[number][0];
export const STATUS_RULE_KEYS = STATUS_RULES_IN_ORDER.map(([key]) => key);

/** What the rules look at. */
export interface StatusFacts {
  lifecycleStage: LifecycleStage;
  orderCount: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  lastOrderAt: Date | null;
  /** When they stopped, as stored (kept while they stay stopped). */
  stoppedAt: Date | null;
  offerResponse: OfferResponse | null;
  marketingConsent: boolean;
  isOrganisation: boolean;
  decisionMaker: string | null;
}

export interface DerivedStatus {
  status: ColourStatus;
  rule: StatusRuleKey;
  /** When they stopped: kept once set, else the last order (or visit) for inactivity, or now for a cancellation; null while active. */
  stoppedAt: Date | null;
}

const DAY_MS = 86_400_000;

/**
 * The colour status the rules give a customer at `now` (the reference implementation: the set-based SQL in
 * CustomerStatusRepository.recompute must agree with it, and a test checks that it does).
 */
export function deriveColourStatus(c: StatusFacts, rules: StatusRules, now: Date): DerivedStatus {
  const lastActivity = c.lastOrderAt ?? c.lastSeenAt;
  const inactive = c.orderCount >= 1 && lastActivity.getTime() < now.getTime() - rules.stoppedAfterDays * DAY_MS;
  const stopped = c.lifecycleStage === 'left' || inactive;
  const stoppedAt = stopped ? (c.stoppedAt ?? (inactive ? lastActivity : now)) : null;
  const longCooperation = stoppedAt !== null && stoppedAt.getTime() - c.firstSeenAt.getTime() >= rules.longCooperationDays * DAY_MS;
  const matches: Record<StatusRuleKey, boolean> = {
    stopped_long_cooperation: stopped && c.orderCount >= rules.platinumOrders && longCooperation,
    stopped_buyer: stopped && c.orderCount >= 1,
    offer_declined: c.offerResponse === 'declined' && c.orderCount === 0,
    platinum_orders: c.orderCount >= rules.platinumOrders,
    ordered: c.orderCount >= 1,
    offer_requested: c.offerResponse === 'requested',
    marketing_consent: c.marketingConsent,
    offer_interested: c.offerResponse === 'interested',
    no_decision_maker: c.isOrganisation && c.decisionMaker === null,
    in_base: true,
  };
  const [rule, status] = STATUS_RULES_IN_ORDER.find(([key]) => matches[key])!;
  return { status, rule, stoppedAt };
}
