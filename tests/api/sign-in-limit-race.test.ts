import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, TestApp } from '../support/app';

/**
 * Issue 20 security review, finding 5: the per-account sign-in limit must hold for guesses sent in parallel, not only
 * one after another. It used to read the count, check the password, then record the failure, so 30 parallel wrong
 * passwords all read a count under the limit and twice the limit reached the password check.
 */
const LIMIT = 5;
const PARALLEL = 30;
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ loginLimitPerAccountPer15Minutes: LIMIT });
});
afterAll(() => t.close());

const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((all, s) => ({ ...all, [s]: (all[s] ?? 0) + 1 }), {});

it('lets exactly the limit of parallel wrong sign-ins reach the password check; the rest get 429', async () => {
  const target = await t.createUser();
  const statuses = await Promise.all(
    Array.from({ length: PARALLEL }, (_, i) =>
      t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: target.email, password: `guess-${i}` }),
    ),
  ).then((all) => all.map((r) => r.status));
  expect(tally(statuses)).toEqual({ 401: LIMIT, 429: PARALLEL - LIMIT });
  // Locked, even for the right password, until the window ends.
  const right = await t.http().post('/api/v1/auth/login').send({ email: target.email, password: target.password });
  expect(right.status).toBe(429);
  expect(Number(right.headers['retry-after'])).toBeGreaterThan(60);
});

it('holds the same for parallel wrong current passwords on the password change', async () => {
  const target = await t.createUser();
  const session = await t.login(target.email, target.password);
  const statuses = await Promise.all(
    Array.from({ length: PARALLEL }, (_, i) =>
      session.post('/api/v1/auth/password', { currentPassword: `wrong-${i}-password`, newPassword: 'a-brand-new-password' }),
    ),
  ).then((all) => all.map((r) => r.status));
  expect(tally(statuses)).toEqual({ 403: LIMIT, 429: PARALLEL - LIMIT });
});

it('still clears the count on a right password, so people who mistype are never locked out by old misses', async () => {
  const target = await t.createUser();
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < LIMIT - 1; i++)
      await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: target.email, password: `typo-${round}-${i}` })
        .expect(401);
    await t.http().post('/api/v1/auth/login').send({ email: target.email, password: target.password }).expect(200);
  }
});
