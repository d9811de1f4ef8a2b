import type { OfferType } from '@otklik/survey-model';
import type { paths } from '$lib/api/schema';

/*
 * The cancellation-flow builder's draft: what the form edits, made from a saved flow and turned back into the
 * PATCH body. "Other" is a reason like the rest on the server; the builder shows it as a switch and keeps it last.
 */

type P = paths;
type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;

export type Flow = Json<P['/api/v1/workspaces/{workspaceId}/churn/flows']['post']['responses'][201]>;
export type Reason = Json<P['/api/v1/workspaces/{workspaceId}/churn/reasons']['get']['responses'][200]>[number];
export type FlowBody = NonNullable<Json<NonNullable<P['/api/v1/workspaces/{workspaceId}/churn/flows/{flowId}']['patch']['requestBody']>>>;
export type PreviewConfig = Json<P['/api/v1/workspaces/{workspaceId}/churn/flows/preview']['post']['responses'][200]>;
export type SaveOffer = NonNullable<Reason['offer']>;
/** Offer types that carry an amount (weeks, orders, percent); downgrade carries a plan. */
export const AMOUNT_TYPES: readonly OfferType[] = ['pause', 'skip', 'discount'];
export const OTHER = 'other';

export type OfferChoice = 'default' | 'none' | 'own';

export interface FlowDraft {
  name: string;
  languages: string[];
  defaultLanguage: string;
  /** Chosen reasons in order, "other" not among them. */
  reasonKeys: string[];
  otherEnabled: boolean;
  randomizeReasons: boolean;
  followUpEnabled: boolean;
  /** language → text; empty texts mean the standard question. */
  followUpQuestion: Record<string, string>;
  offers: Record<string, { choice: OfferChoice; offer: SaveOffer }>;
  origins: string;
  requireVerifiedCustomer: boolean;
}

/** A deep copy that also works on Svelte state proxies (structuredClone refuses them). */
export const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export const blankOffer = (type: OfferType = 'discount'): SaveOffer => ({
  type,
  amount: AMOUNT_TYPES.includes(type) ? 10 : undefined,
  text: {},
});

export function draftFrom(flow: Flow, reasons: Reason[]): FlowDraft {
  const active = reasons.filter((r) => !r.archived);
  // An empty list on the server means "every active reason"; the builder makes that explicit.
  const keys = flow.reasonKeys.length ? flow.reasonKeys : active.map((r) => r.key);
  const offers: FlowDraft['offers'] = {};
  for (const { reasonKey, offer } of flow.offers)
    offers[reasonKey] = offer ? { choice: 'own', offer: copy(offer) } : { choice: 'none', offer: blankOffer() };
  return {
    name: flow.name,
    languages: [...flow.languages],
    defaultLanguage: flow.defaultLanguage,
    reasonKeys: keys.filter((k) => k !== OTHER),
    otherEnabled: keys.includes(OTHER),
    randomizeReasons: flow.randomizeReasons,
    followUpEnabled: flow.followUpEnabled,
    followUpQuestion: { ...flow.followUpQuestion },
    offers,
    origins: flow.allowedOrigins.join('\n'),
    requireVerifiedCustomer: flow.requireVerifiedCustomer,
  };
}

const trimmed = (text: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(text)
      .map(([k, v]) => [k, v.trim()])
      .filter(([, v]) => v),
  );

export const originsList = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((o) => o.trim())
    .filter(Boolean);

/** The PATCH (and preview) body; offers only for reasons the flow offers. */
export function bodyOf(draft: FlowDraft): FlowBody {
  const reasonKeys = [...draft.reasonKeys, ...(draft.otherEnabled ? [OTHER] : [])];
  const question = trimmed(draft.followUpQuestion);
  return {
    name: draft.name.trim(),
    languages: draft.languages,
    defaultLanguage: draft.defaultLanguage,
    reasonKeys,
    randomizeReasons: draft.randomizeReasons,
    followUpEnabled: draft.followUpEnabled,
    followUpQuestion: Object.keys(question).length ? question : null,
    offers: reasonKeys
      .filter((k) => draft.offers[k] && draft.offers[k].choice !== 'default')
      .map((k) => {
        const { choice, offer } = draft.offers[k];
        if (choice === 'none') return { reasonKey: k, offer: null };
        const clean: SaveOffer = { type: offer.type, text: trimmed(offer.text) };
        if (AMOUNT_TYPES.includes(offer.type) && offer.amount !== undefined && offer.amount !== null) clean.amount = Number(offer.amount);
        if (offer.type === 'downgrade') clean.plan = offer.plan?.trim() ?? '';
        return { reasonKey: k, offer: clean };
      }),
    allowedOrigins: originsList(draft.origins),
    requireVerifiedCustomer: draft.requireVerifiedCustomer,
  };
}

/** Label of a reason in the dashboard language (else English, else any). */
export function reasonLabel(reason: Pick<Reason, 'key' | 'labels'>, language: string): string {
  return reason.labels[language] ?? reason.labels.en ?? Object.values(reason.labels)[0] ?? reason.key;
}

export function moved<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}
