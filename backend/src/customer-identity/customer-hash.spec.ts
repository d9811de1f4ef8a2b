import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { customerHashMatches, newIdentitySecret } from './customer-hash';

describe('customer hash', () => {
  const secret = newIdentitySecret();
  const hex = (s: string, id: string) => createHmac('sha256', s).update(id).digest('hex');

  it('accepts the HMAC-SHA256 hex of the customer id under any of the secrets, in either case', () => {
    expect(customerHashMatches([secret], 'c-42', hex(secret, 'c-42'))).toBe(true);
    expect(customerHashMatches([secret], 'c-42', hex(secret, 'c-42').toUpperCase())).toBe(true);
    expect(customerHashMatches([newIdentitySecret(), secret], 'c-42', hex(secret, 'c-42'))).toBe(true);
  });

  it('refuses another id, another secret, and anything that is not 64 hex digits', () => {
    expect(customerHashMatches([secret], 'c-43', hex(secret, 'c-42'))).toBe(false);
    expect(customerHashMatches([newIdentitySecret()], 'c-42', hex(secret, 'c-42'))).toBe(false);
    expect(customerHashMatches([secret], 'c-42', hex(secret, 'c-42').slice(0, 63))).toBe(false);
    expect(customerHashMatches([secret], 'c-42', '')).toBe(false);
    expect(customerHashMatches([], 'c-42', hex(secret, 'c-42'))).toBe(false);
  });
});
