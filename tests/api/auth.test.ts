import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededAdmin, startTestApp, TestApp } from '../support/app';

let t: TestApp;
let admin: SeededAdmin;

beforeAll(async () => {
  t = await startTestApp({ loginLimitPerAccountPer15Minutes: 5 });
  admin = await t.seedAdmin('Acme');
});
afterAll(() => t.close());

function sessionCookie(setCookie: string[] | string | undefined): string {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const cookie = cookies.find((c) => c.startsWith('otklik_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

describe('login', () => {
  it('signs in with email and password and sets an httpOnly, SameSite=Lax session cookie', async () => {
    const res = await t.http().post('/api/v1/auth/login').send({ email: admin.email.toUpperCase(), password: admin.password });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: admin.userId, email: admin.email });
    expect(res.body.workspaces).toEqual([{ id: admin.workspaceId, name: 'Acme', slug: 'acme', role: 'admin' }]);
    expect(res.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = sessionCookie(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
  });

  it('answers a wrong password and an unknown email the same way (no user enumeration)', async () => {
    const wrong = await t.http().post('/api/v1/auth/login').send({ email: admin.email, password: 'not-the-password' });
    const unknown = await t.http().post('/api/v1/auth/login').send({ email: 'nobody@example.test', password: 'whatever-1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('gives field-level validation errors', async () => {
    const res = await t.http().post('/api/v1/auth/login').send({ email: 'not-an-email', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const fields = (res.body.error.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['email', 'extra', 'password']);
  });

  it('limits attempts per account whatever the password, without saying whether it exists', async () => {
    const target = await t.createUser();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: target.email, password: `guess-${i}` });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // Even the right password is refused while the account is throttled.
    const right = await t.http().post('/api/v1/auth/login').send({ email: target.email, password: target.password });
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('too_many_requests');
    // Another account is unaffected.
    const other = await t.http().post('/api/v1/auth/login').send({ email: admin.email, password: admin.password });
    expect(other.status).toBe(200);
  });

  it('says when to come back: a throttled account gets Retry-After in seconds, within its 15-minute window', async () => {
    const target = await t.createUser();
    for (let i = 0; i < 5; i++)
      await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: target.email, password: `guess-${i}` })
        .expect(401);
    const throttled = await t.http().post('/api/v1/auth/login').send({ email: target.email, password: 'guess-5' });
    expect(throttled.status).toBe(429);
    const retryAfter = Number(throttled.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // The same account in another letter case is the same account.
    expect((await t.http().post('/api/v1/auth/login').send({ email: target.email.toUpperCase(), password: target.password })).status).toBe(
      429,
    );
  });

  it('does not count successful sign-ins, and a success clears the failures before it', async () => {
    const target = await t.createUser();
    // Many successes in a row: never throttled.
    for (let i = 0; i < 8; i++)
      await t.http().post('/api/v1/auth/login').send({ email: target.email, password: target.password }).expect(200);
    // Four failures, a success, four more failures: the count started again, so still 401, not 429.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (
          await t
            .http()
            .post('/api/v1/auth/login')
            .send({ email: target.email, password: `guess-${i}` })
        ).status,
      );
    statuses.push((await t.http().post('/api/v1/auth/login').send({ email: target.email, password: target.password })).status);
    for (let i = 0; i < 4; i++)
      statuses.push(
        (
          await t
            .http()
            .post('/api/v1/auth/login')
            .send({ email: target.email, password: `again-${i}` })
        ).status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 200, 401, 401, 401, 401]);
  });
});

describe('login limit per IP', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({ loginLimitPerIpPerMinute: 4, loginLimitPerAccountPer15Minutes: 1000 });
  });
  afterAll(() => limited.close());

  const from = (ip: string, email: string, password: string) =>
    limited.http().post('/api/v1/auth/login').set('X-Forwarded-For', ip).send({ email, password });

  it('throttles one address spraying many accounts, with Retry-After, while other addresses sign in', async () => {
    const victim = await limited.seedAdmin('Sprayed');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await from('203.0.113.7', `someone-${i}@example.test`, 'guess-guess')).status);
    const blocked = await from('203.0.113.7', victim.email, victim.password);
    expect(statuses).toEqual([401, 401, 401, 401]);
    // Every attempt counts per address, so even the right password waits.
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('too_many_requests');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(blocked.headers['set-cookie']).toBeUndefined();
    // Another address is not affected, and the account itself is not locked.
    expect((await from('198.51.100.9', victim.email, victim.password)).status).toBe(200);
  });
});

describe('sessions', () => {
  it('returns the session, then forgets it after logout', async () => {
    const me = await t.login(admin.email, admin.password);
    const session = await me.get('/api/v1/auth/session').expect(200);
    expect(session.body.csrfToken).toBe(me.csrfToken);
    await me.post('/api/v1/auth/logout').expect(204);
    const after = await me.get('/api/v1/auth/session');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthenticated');
  });

  it('requires a session for private routes', async () => {
    const res = await t.http().get('/api/v1/workspaces');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
    const forged = await t.http().get('/api/v1/workspaces').set('Cookie', 'otklik_session=forged-value');
    expect(forged.status).toBe(401);
  });

  it('issues a new session id on every login (no session fixation)', async () => {
    const planted = 'otklik_session=attacker-chosen-value';
    const res = await t.http().post('/api/v1/auth/login').set('Cookie', planted).send({ email: admin.email, password: admin.password });
    const cookie = sessionCookie(res.headers['set-cookie']);
    expect(cookie).not.toContain('attacker-chosen-value');

    // Logging in again from the same browser retires the previous session.
    const first = await t.login(admin.email, admin.password);
    await first.agent.post('/api/v1/auth/login').send({ email: admin.email, password: admin.password }).expect(200);
    const previousCookie = sessionCookie(
      (await t.http().post('/api/v1/auth/login').send({ email: admin.email, password: admin.password })).headers['set-cookie'],
    ).split(';')[0];
    const again = await t
      .http()
      .post('/api/v1/auth/login')
      .set('Cookie', previousCookie)
      .send({ email: admin.email, password: admin.password });
    expect(again.status).toBe(200);
    await t.http().get('/api/v1/auth/session').set('Cookie', previousCookie).expect(401);
  });
});

describe('CSRF', () => {
  it('refuses cookie-authenticated writes without the right X-CSRF-Token, and writes nothing', async () => {
    const me = await t.login(admin.email, admin.password);
    const missing = await me.agent.post('/api/v1/workspaces').send({ name: 'Sneaky' });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('csrf_invalid');
    const wrong = await me.agent.post('/api/v1/workspaces').set('X-CSRF-Token', 'x'.repeat(32)).send({ name: 'Sneaky' });
    expect(wrong.status).toBe(403);
    const list = await me.get('/api/v1/workspaces').expect(200);
    expect(list.body.map((w: { name: string }) => w.name)).not.toContain('Sneaky');

    const ok = await me.post('/api/v1/workspaces', { name: 'Legit' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ name: 'Legit', role: 'admin' });
  });

  it("does not accept another session's CSRF token", async () => {
    const other = await t.seedAdmin('Other');
    const mine = await t.login(admin.email, admin.password);
    const theirs = await t.login(other.email, other.password);
    const res = await mine.agent.post('/api/v1/workspaces').set('X-CSRF-Token', theirs.csrfToken).send({ name: 'Mixed' });
    expect(res.status).toBe(403);
  });
});
