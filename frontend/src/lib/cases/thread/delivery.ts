import type { caseThreadEn } from '$lib/i18n/case-thread.en';
import type { ReplyDelivery } from './api';

/** What became of our reply, in words: queued to an address, recorded as a public answer, or logged and why. */
export function deliveryMessage(delivery: ReplyDelivery, t: typeof caseThreadEn): string {
  const channel = delivery.channel ? (t.channels[delivery.channel] ?? delivery.channel) : '';
  if (delivery.sent && delivery.channel === 'public') return t.result.recorded(delivery.to ?? '');
  if (delivery.sent) return t.result.sent(channel, delivery.to ?? '');
  if (delivery.reason === 'not_requested' || !delivery.reason) return t.result.notRequested;
  return t.result.notSent[delivery.reason] ?? t.result.notRequested;
}
