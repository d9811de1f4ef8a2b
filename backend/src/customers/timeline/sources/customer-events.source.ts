import { Injectable } from '@nestjs/common';
import type { CustomerEventDto } from '../timeline.dto';
import { compareEvents, isBefore, sortKeyOf, type TimelineEvent, type TimelineFetch, type TimelineSource } from '../timeline-source';

const CONSENT_CHANNELS = ['survey', 'marketing'] as const;

interface StoredConsent {
  granted?: unknown;
  at?: unknown;
  source?: unknown;
}

/**
 * Events of the customer record itself. Only what is stored can be shown: when the customer was first
 * seen, and the latest state of each consent with its time and source. Lifecycle-stage history is not
 * recorded (only the current stage), so it does not appear here.
 */
@Injectable()
export class CustomerEventsSource implements TimelineSource {
  readonly kind = 'customer';
  readonly scope = 'customers:read' as const;

  async fetch({ customer, before, limit }: TimelineFetch): Promise<TimelineEvent<CustomerEventDto>[]> {
    const events: TimelineEvent<CustomerEventDto>[] = [
      {
        id: `customer:first_seen:${customer.id}`,
        kind: this.kind,
        at: sortKeyOf(customer.firstSeenAt),
        title: null,
        details: { kind: 'customer', event: 'first_seen', consent: null, source: null },
      },
    ];
    for (const channel of CONSENT_CHANNELS) {
      const consent = (customer.consents as Record<string, StoredConsent | undefined>)[channel];
      const at = typeof consent?.at === 'string' ? new Date(consent.at) : null;
      // Stored consents were validated on the way in; one that still does not parse is skipped, not guessed.
      if (!consent || typeof consent.granted !== 'boolean' || !at || Number.isNaN(at.getTime())) continue;
      events.push({
        id: `customer:consent:${channel}:${customer.id}`,
        kind: this.kind,
        at: sortKeyOf(at),
        title: null,
        details: {
          kind: 'customer',
          event: consent.granted ? 'consent_granted' : 'consent_withdrawn',
          consent: channel,
          source: typeof consent.source === 'string' ? consent.source : null,
        },
      });
    }
    return events
      .filter((event) => isBefore(event, before))
      .sort(compareEvents)
      .slice(0, limit);
  }
}
