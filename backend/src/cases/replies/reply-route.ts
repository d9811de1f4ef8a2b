// Which channel and address an agent's reply on a case goes out by: the customer's own channel. Pure rules; the facts
// (the last inbound message, the customer's addresses, the mention's link) are gathered by CaseReplyFacts.
import { GATEWAY_CHANNELS, type GatewayChannel, type MessageChannel } from '../../messaging/message-types';
import type { CaseSource } from '../case-rules';

/** Case channels (SLA channels) whose customers wrote to us through a messenger or a phone: the gateway answers. */
const GATEWAY_CASE_CHANNELS = ['messenger', 'chat', 'phone'];
/** Case channels of a public conversation: the answer is public too (recorded with its link, not sent). */
const PUBLIC_CASE_CHANNELS = ['social', 'review'];

export interface ReplyFacts {
  source: CaseSource;
  /** The case's SLA channel (email, web_form, survey, messenger, chat, phone, social, review, in_person, other). */
  caseChannel: string;
  /** The customer's last message on the case, when there is one: the reply goes back the same way. */
  lastInbound: { channel: MessageChannel; from: string | null } | null;
  /** The customer's addresses, when the case has a known customer. */
  customer: { email: string | null; phone: string | null; attributes: Record<string, unknown> } | null;
  /** The link of our public answer (ReplyDto.publicUrl): required to record one. */
  publicUrl: string | null;
  /** An agent's explicit choice of channel in the reply box. */
  via: MessageChannel | null;
}

/** Where the reply goes, or why it is only logged. */
export type ReplyRoute =
  | { channel: MessageChannel; to: string }
  | { channel: MessageChannel | null; to: null; unreachable: 'no_customer' | 'no_address' | 'public_url_missing' };

const attribute = (attributes: Record<string, unknown>, key: string): string | null => {
  const value = attributes[key];
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, 200) : typeof value === 'number' ? String(value) : null;
};

/** The messenger a customer uses: attributes.preferredChannel (telegram/whatsapp), else SMS. */
export function gatewayChannelOf(attributes: Record<string, unknown>): GatewayChannel {
  const preferred = attribute(attributes, 'preferredChannel')?.toLowerCase();
  return (GATEWAY_CHANNELS as readonly string[]).includes(preferred ?? '') ? (preferred as GatewayChannel) : 'sms';
}

/** The customer's address on a channel: email, phone for SMS, attributes.telegram / attributes.whatsapp (else phone). */
function addressOn(channel: MessageChannel, customer: NonNullable<ReplyFacts['customer']>): string | null {
  if (channel === 'email') return customer.email;
  if (channel === 'sms') return customer.phone;
  if (channel === 'telegram' || channel === 'whatsapp') return attribute(customer.attributes, channel) ?? customer.phone;
  return null;
}

/** The channel the reply goes by: the agent's choice, else the last inbound message's, else the case's. */
export function replyChannel(facts: ReplyFacts): MessageChannel {
  if (facts.via) return facts.via;
  if (facts.lastInbound) return facts.lastInbound.channel;
  if (facts.source === 'mention' || PUBLIC_CASE_CHANNELS.includes(facts.caseChannel)) return 'public';
  if (GATEWAY_CASE_CHANNELS.includes(facts.caseChannel)) return gatewayChannelOf(facts.customer?.attributes ?? {});
  // email, web_form, survey (responses), cancellations and the rest: email
  return 'email';
}

export function replyRoute(facts: ReplyFacts): ReplyRoute {
  const channel = replyChannel(facts);
  if (channel === 'public') {
    return facts.publicUrl ? { channel, to: facts.publicUrl } : { channel, to: null, unreachable: 'public_url_missing' };
  }
  // The customer wrote from this address: answer it (an unknown sender on a matched thread included).
  if (facts.lastInbound?.from && facts.lastInbound.channel === channel) return { channel, to: facts.lastInbound.from };
  if (!facts.customer) return { channel, to: null, unreachable: 'no_customer' };
  const to = addressOn(channel, facts.customer);
  return to ? { channel, to } : { channel, to: null, unreachable: 'no_address' };
}
