import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signWebhook, verifyWebhook, webhookHeaders } from './webhook-signature';

describe('webhook signatures (Standard Webhooks)', () => {
  // Worked example from the Standard Webhooks specification's test vectors.
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
  const timestamp = 1614265330;
  const body = '{"test": 2432232314}';

  it('matches the specification test vector', () => {
    expect(signWebhook(secret, id, timestamp, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('is HMAC-SHA256 over id.timestamp.body with the decoded key', () => {
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
    expect(signWebhook(secret, id, timestamp, body)).toBe(`v1,${expected}`);
  });

  it('verifies fresh signatures and rejects tampering, other secrets and stale timestamps', () => {
    const now = new Date(timestamp * 1000 + 30_000);
    const headers = webhookHeaders(secret, id, body, new Date(timestamp * 1000));
    expect(verifyWebhook(secret, { ...headers }, body, now)).toBe(true);
    expect(verifyWebhook(secret, { ...headers }, body + ' ', now)).toBe(false);
    expect(verifyWebhook(newWebhookSecret(), { ...headers }, body, now)).toBe(false);
    expect(verifyWebhook(secret, { ...headers }, body, new Date(timestamp * 1000 + 301_000))).toBe(false);
    expect(verifyWebhook(secret, { ...headers, 'webhook-signature': `v1,bogus ${headers['webhook-signature']}` }, body, now)).toBe(true);
  });

  it('creates distinct prefixed secrets with 24 random bytes', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(a).not.toBe(newWebhookSecret());
  });
});
