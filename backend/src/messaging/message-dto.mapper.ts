import { maskInvitationTokens } from './mask-links';
import type { MessageEntity } from './message.entity';
import { toMessageView } from './message-view';
import type { MessageDto } from './messaging.dto';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * The API's view of a message: the module's view with invitation tokens in its text masked, dates as ISO strings, and
 * without the unsubscribe link (it carries the recipient's token; only the dispatch uses it).
 */
export function toMessageDto(row: MessageEntity): MessageDto {
  const { unsubscribeUrl: _unsubscribeUrl, ...view } = toMessageView(row);
  const waiting = view.status === 'queued' || view.status === 'held';
  return {
    ...view,
    text: maskInvitationTokens(view.text),
    nextAttemptAt: waiting ? view.nextAttemptAt.toISOString() : null,
    sendAfter: iso(view.sendAfter),
    sentAt: iso(view.sentAt),
    deliveredAt: iso(view.deliveredAt),
    bouncedAt: iso(view.bouncedAt),
    failedAt: iso(view.failedAt),
    createdAt: view.createdAt.toISOString(),
  };
}
