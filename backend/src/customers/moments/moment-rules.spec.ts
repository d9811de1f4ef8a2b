import { describe, expect, it } from 'vitest';
import { DEFAULT_TTL_DAYS, MOMENT_NAME, resolveExpiry, WELL_KNOWN_MOMENTS } from './moment-rules';

const now = new Date('2026-12-01T10:00:00.000Z');
const DAY = 86_400_000;

describe('moment rules', () => {
  it('accepts the well-known names and lower-case names of your own, nothing else', () => {
    for (const name of [...WELL_KNOWN_MOMENTS, 'plan.downgrade', 'checkin-2', 'a', 'x'.repeat(64)])
      expect(MOMENT_NAME.test(name), name).toBe(true);
    for (const name of ['', 'Renewal', 'renewal due', 'x'.repeat(65), 'ренью', 'a/b']) expect(MOMENT_NAME.test(name), name).toBe(false);
  });

  it('waits 7 days by default and refuses expiries in the past or beyond 90 days', () => {
    expect(resolveExpiry(undefined, now)).toEqual({ expiresAt: new Date(now.getTime() + DEFAULT_TTL_DAYS * DAY) });
    expect(resolveExpiry('2026-12-02T10:00:00.000Z', now)).toEqual({ expiresAt: new Date('2026-12-02T10:00:00.000Z') });
    expect(resolveExpiry(now.toISOString(), now)).toMatchObject({
      problem: { field: 'expiresAt', message: 'expiresAt must be in the future' },
    });
    expect(resolveExpiry(new Date(now.getTime() + 90 * DAY).toISOString(), now)).toHaveProperty('expiresAt');
    expect(resolveExpiry(new Date(now.getTime() + 90 * DAY + 1).toISOString(), now)).toMatchObject({ problem: { field: 'expiresAt' } });
  });
});
