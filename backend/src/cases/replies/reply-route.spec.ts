import { describe, expect, it } from 'vitest';
import { replyRoute, type ReplyFacts } from './reply-route';

const anna = { email: 'anna@customer.test', phone: '+359888000111', attributes: {} };
const base: ReplyFacts = { source: 'response', caseChannel: 'survey', lastInbound: null, customer: anna, publicUrl: null, via: null };

describe('replyRoute', () => {
  it('answers feedback from a survey, a form or a cancellation by email', () => {
    expect(replyRoute(base)).toEqual({ channel: 'email', to: 'anna@customer.test' });
    expect(replyRoute({ ...base, source: 'cancellation', caseChannel: 'web_form' })).toEqual({
      channel: 'email',
      to: 'anna@customer.test',
    });
  });

  it('answers where the customer last wrote from', () => {
    expect(replyRoute({ ...base, lastInbound: { channel: 'email', from: 'anna.work@corp.test' } })).toEqual({
      channel: 'email',
      to: 'anna.work@corp.test',
    });
    expect(replyRoute({ ...base, lastInbound: { channel: 'telegram', from: '55501' } })).toEqual({ channel: 'telegram', to: '55501' });
  });

  it('answers a messenger or a phone case through the gateway: SMS unless the customer prefers a messenger', () => {
    expect(replyRoute({ ...base, caseChannel: 'phone' })).toEqual({ channel: 'sms', to: '+359888000111' });
    const telegram = { ...anna, attributes: { preferredChannel: 'telegram', telegram: '@anna_p' } };
    expect(replyRoute({ ...base, caseChannel: 'messenger', customer: telegram })).toEqual({ channel: 'telegram', to: '@anna_p' });
    const whatsapp = { ...anna, attributes: { preferredChannel: 'WhatsApp' } };
    expect(replyRoute({ ...base, caseChannel: 'chat', customer: whatsapp })).toEqual({ channel: 'whatsapp', to: '+359888000111' });
  });

  it('records a public answer to a mention only with its link', () => {
    const mention: ReplyFacts = { ...base, source: 'mention', caseChannel: 'social', customer: null };
    expect(replyRoute(mention)).toEqual({ channel: 'public', to: null, unreachable: 'public_url_missing' });
    expect(replyRoute({ ...mention, publicUrl: 'https://x.test/acme/status/2' })).toEqual({
      channel: 'public',
      to: 'https://x.test/acme/status/2',
    });
  });

  it('says why when the customer cannot be reached', () => {
    expect(replyRoute({ ...base, customer: null })).toEqual({ channel: 'email', to: null, unreachable: 'no_customer' });
    expect(replyRoute({ ...base, customer: { ...anna, email: null } })).toEqual({ channel: 'email', to: null, unreachable: 'no_address' });
    expect(replyRoute({ ...base, via: 'sms' })).toEqual({ channel: 'sms', to: '+359888000111' });
  });
});
