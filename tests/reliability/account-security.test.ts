import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, SeededUser, startTestApp, TestApp } from '../support/app';
import { MailServer, startMailServer } from '../support/mail-server';

/**
 * Issue 13, items 1, 9, 10 and the account part of 12: the attacks of the probe, replayed.
 * Every account mail goes to a real SMTP server on loopback; codes and links are read from what it received.
 */
let t: TestApp;
let mail: MailServer;
let attacker: SeededAdmin;
let asAttacker: LoggedIn;

const ACCOUNT_LIMIT = 5;

beforeAll(async () => {
  mail = await startMailServer();
  t = await startTestApp({ smtpUrl: mail.url, loginLimitPerAccountPer15Minutes: ACCOUNT_LIMIT, publicUrl: 'https://otklik.example' });
  attacker = await t.seedAdmin('Attacker Ltd');
  asAttacker = await t.login(attacker.email, attacker.password);
});
afterAll(async () => {
  await t.close();
  await mail.close();
});

const invite = async (as: LoggedIn, workspaceId: string, email: string, role = 'viewer') =>
  (await as.post(`/api/v1/workspaces/${workspaceId}/invitations`, { email, role }).expect(201)).body as { id: string; token: string };
const memberEmails = async (as: LoggedIn, workspaceId: string) =>
  ((await as.get(`/api/v1/workspaces/${workspaceId}/members`).expect(200)).body as { email: string }[]).map((m) => m.email);
const codeIn = (text: string) => /\b(\d{8})\b/.exec(text)?.[1];
const db = () => t.app.get(DataSource);

describe('item 1: no password guessing through invitations', () => {
  let victim: SeededUser;
  let token: string;

  beforeAll(async () => {
    victim = await t.createUser();
    token = (await invite(asAttacker, attacker.workspaceId, victim.email)).token;
  });

  it('takes no password at accept: guesses, even the right one, get no session and no membership', async () => {
    const statuses: number[] = [];
    for (const password of ['guess-number-1', 'guess-number-2', victim.password]) {
      const res = await t.http().post('/api/v1/auth/invitations/accept').send({ token, password });
      statuses.push(res.status);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    // The old code answered 401, 401, then 200 with the victim's session.
    expect(statuses).toEqual([401, 401, 401]);
    // Signed in as the attacker, a password field is refused outright, and the invitation is not the attacker's.
    const withPassword = await asAttacker.post('/api/v1/auth/invitations/accept', { token, password: victim.password });
    expect(withPassword.status).toBe(400);
    expect(withPassword.body.error.details).toContainEqual(expect.objectContaining({ field: 'password' }));
    const wrongUser = await asAttacker.post('/api/v1/auth/invitations/accept', { token });
    expect(wrongUser.status).toBe(403);
    expect(wrongUser.body.error.code).toBe('invitation_for_another_email');
    expect(wrongUser.body.error.message).toContain(`signed in as ${attacker.email}`);
    expect(await memberEmails(asAttacker, attacker.workspaceId)).not.toContain(victim.email);
  });

  it('lets the invited person sign in as themselves and accept (CSRF checked)', async () => {
    const me = await t.login(victim.email, victim.password);
    const noCsrf = await me.agent.post('/api/v1/auth/invitations/accept').send({ token });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('csrf_invalid');
    const accepted = await me.post('/api/v1/auth/invitations/accept', { token }).expect(200);
    expect(accepted.body.workspaces).toContainEqual(expect.objectContaining({ id: attacker.workspaceId, role: 'viewer' }));
    expect(await memberEmails(asAttacker, attacker.workspaceId)).toContain(victim.email);
  });

  it('shares one per-account failure limit between sign-in and password change', async () => {
    const target = await t.createUser();
    const session = await t.login(target.email, target.password);
    // Three wrong current passwords on the password change, then two wrong sign-ins: five failures in all.
    for (let i = 0; i < 3; i++) {
      const res = await session.post('/api/v1/auth/password', {
        currentPassword: `wrong-${i}-password`,
        newPassword: 'a-brand-new-password',
      });
      expect(res.status).toBe(403);
    }
    for (let i = 0; i < 2; i++)
      await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: target.email, password: `wrong-${i}` })
        .expect(401);
    // The limit is used up for both doors, even with the right password.
    expect((await t.http().post('/api/v1/auth/login').send({ email: target.email, password: target.password })).status).toBe(429);
    const change = await session.post('/api/v1/auth/password', { currentPassword: target.password, newPassword: 'a-brand-new-password' });
    expect(change.status).toBe(429);
  });

  it('has exactly one place that checks a password hash (the verifier)', () => {
    const root = join(__dirname, '../../backend/src');
    const callers: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts') && !name.endsWith('.spec.ts') && name !== 'password-hasher.ts') {
          const source = readFileSync(path, 'utf8');
          if (source.includes('PasswordHasher') && source.includes('.verify(')) callers.push(path.slice(root.length + 1));
        }
      }
    };
    walk(root);
    expect(callers).toEqual(['auth/password-verifier.ts']);
  });
});

describe('item 9: login CSRF', () => {
  it('refuses a form-encoded sign-in (what a foreign page can post) with 415 and sets no cookie', async () => {
    const form = await t
      .http()
      .post('/api/v1/auth/login')
      .set('Origin', 'https://evil.example')
      .type('form')
      .send({ email: attacker.email, password: attacker.password });
    // The old code answered 200 and signed the browser in as the attacker.
    expect(form.status).toBe(415);
    expect(form.body.error.code).toBe('unsupported_media_type');
    expect(form.headers['set-cookie']).toBeUndefined();
    const plain = await t
      .http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify({ email: attacker.email, password: attacker.password }));
    expect(plain.status).toBe(415);
  });

  it('refuses JSON from a foreign Origin with 403, and accepts its own origins', async () => {
    const body = { email: attacker.email, password: attacker.password };
    const foreign = await t.http().post('/api/v1/auth/login').set('Origin', 'https://evil.example').send(body);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('origin_refused');
    expect(foreign.headers['set-cookie']).toBeUndefined();
    expect((await t.http().post('/api/v1/auth/login').set('Origin', 'null').send(body)).status).toBe(403);
    expect((await t.http().post('/api/v1/auth/login').set('Origin', 'https://otklik.example').send(body)).status).toBe(200);
    expect((await t.http().post('/api/v1/auth/login').set('Origin', t.baseUrl).send(body)).status).toBe(200);
    expect((await t.http().post('/api/v1/auth/login').send(body)).status).toBe(200);
  });

  it('guards the other unauthenticated auth writes the same way', async () => {
    for (const path of ['/api/v1/auth/invitations/code', '/api/v1/auth/invitations/register', '/api/v1/auth/password-reset']) {
      expect((await t.http().post(path).type('form').send({ token: 'x' })).status).toBe(415);
      expect((await t.http().post(path).set('Origin', 'https://evil.example').send({ token: 'x' })).status).toBe(403);
    }
  });
});

describe('item 10: no account without proof of the address, no enumeration', () => {
  it('does not say whether the invited email has an account', async () => {
    const existing = await t.createUser();
    for (const email of [existing.email, 'nobody-yet@example.test']) {
      const { token } = await invite(asAttacker, attacker.workspaceId, email);
      const preview = await t.http().get(`/api/v1/auth/invitations/${token}`).expect(200);
      expect(Object.keys(preview.body).sort()).toEqual(['email', 'expiresAt', 'role', 'workspaceName']);
    }
  });

  it('creates no account from an invitation without the code mailed to the address (no squatting)', async () => {
    const { token } = await invite(asAttacker, attacker.workspaceId, 'ceo@victim-company.example');
    // The old flow: accept with a password and a name, and the account was the attacker's.
    const old = await t.http().post('/api/v1/auth/invitations/accept').send({ token, password: 'attacker-password', name: 'CEO' });
    expect(old.status).toBe(401);
    const noCode = await t.http().post('/api/v1/auth/invitations/register').send({ token, name: 'CEO', password: 'attacker-password' });
    expect(noCode.status).toBe(400);
    expect(noCode.body.error.details).toContainEqual(expect.objectContaining({ field: 'code' }));
    const [{ n }] = await db().query(`SELECT count(*)::int AS n FROM users WHERE lower(email) = 'ceo@victim-company.example'`);
    expect(n).toBe(0);
  });

  it('answers "create my account" the same whether or not the address has an account; the mail differs', async () => {
    const existing = await t.createUser();
    const fresh = `fresh-${Date.now()}@example.test`;
    const a = await invite(asAttacker, attacker.workspaceId, existing.email);
    const b = await invite(asAttacker, attacker.workspaceId, fresh);
    const before = mail.received.length;
    const forExisting = await t.http().post('/api/v1/auth/invitations/code').send({ token: a.token });
    const forFresh = await t.http().post('/api/v1/auth/invitations/code').send({ token: b.token });
    expect([forExisting.status, forFresh.status]).toEqual([204, 204]);
    expect(forExisting.body).toEqual(forFresh.body);
    expect(Object.keys(forExisting.headers).sort()).toEqual(Object.keys(forFresh.headers).sort());

    const toExisting = await mail.waitFor(existing.email, before);
    expect(toExisting.subject).toBe('You already have an Otklik account');
    expect(toExisting.text).toContain('sign in, then accept the invitation');
    expect(codeIn(toExisting.text)).toBeUndefined();
    const toFresh = await mail.waitFor(fresh, before);
    const code = codeIn(toFresh.text) as string;
    expect(code).toMatch(/^\d{8}$/);
    // Stored only as a hash bound to the invitation.
    const [row] = await db().query(`SELECT code_hash FROM invitations WHERE id = $1`, [b.id]);
    expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.code_hash).not.toContain(code);
    // The existing account still joins only by signing in.
    const registerExisting = await t
      .http()
      .post('/api/v1/auth/invitations/register')
      .send({ token: a.token, code, name: 'X', password: 'some-long-password' });
    expect(registerExisting.status).toBe(400);

    const created = await t
      .http()
      .post('/api/v1/auth/invitations/register')
      .send({ token: b.token, code: `${code.slice(0, 4)} ${code.slice(4)}`, name: 'Fresh', password: 'fresh-long-password' });
    expect(created.status).toBe(200);
    expect(created.body.user.email).toBe(fresh);
  });

  it('ends the invitation after five wrong codes, so the right one no longer works', async () => {
    const email = `guessed-${Date.now()}@example.test`;
    const { token } = await invite(asAttacker, attacker.workspaceId, email);
    const before = mail.received.length;
    await t.http().post('/api/v1/auth/invitations/code').send({ token }).expect(204);
    const code = codeIn((await mail.waitFor(email, before)).text) as string;
    const wrong = code === '00000000' ? '11111111' : '00000000';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (await t.http().post('/api/v1/auth/invitations/register').send({ token, code: wrong, name: 'G', password: 'guessing-password' }))
          .status,
      );
    }
    expect(statuses).toEqual([400, 400, 400, 400, 410]);
    // Asking for a new code does not give new attempts: the invitation is gone.
    expect((await t.http().post('/api/v1/auth/invitations/code').send({ token })).status).toBe(404);
    const right = await t.http().post('/api/v1/auth/invitations/register').send({ token, code, name: 'G', password: 'guessing-password' });
    expect(right.status).toBe(404);
    const [{ n }] = await db().query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [email]);
    expect(n).toBe(0);
  });

  it('refuses an expired code', async () => {
    const email = `late-${Date.now()}@example.test`;
    const { id, token } = await invite(asAttacker, attacker.workspaceId, email);
    const before = mail.received.length;
    await t.http().post('/api/v1/auth/invitations/code').send({ token }).expect(204);
    const code = codeIn((await mail.waitFor(email, before)).text) as string;
    await db().query(`UPDATE invitations SET code_expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
    const late = await t
      .http()
      .post('/api/v1/auth/invitations/register')
      .send({ token, code, name: 'Late', password: 'late-long-password' });
    expect(late.status).toBe(400);
    expect(late.body.error.code).toBe('invalid_code');
  });
});

describe('item 12: password change, sign out everywhere, admin-mailed reset', () => {
  it('changes the password after checking the current one, and ends every other session', async () => {
    const user = await t.createUser();
    const here = await t.login(user.email, user.password);
    const elsewhere = await t.login(user.email, user.password);
    const wrong = await here.post('/api/v1/auth/password', { currentPassword: 'not-my-password', newPassword: 'my-new-long-password' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.details).toEqual([{ field: 'currentPassword', message: 'The current password is incorrect.' }]);
    await elsewhere.get('/api/v1/auth/session').expect(200);

    await here.post('/api/v1/auth/password', { currentPassword: user.password, newPassword: 'my-new-long-password' }).expect(204);
    await here.get('/api/v1/auth/session').expect(200);
    await elsewhere.get('/api/v1/auth/session').expect(401);
    expect((await t.http().post('/api/v1/auth/login').send({ email: user.email, password: user.password })).status).toBe(401);
    await t.login(user.email, 'my-new-long-password');
  });

  it('signs out everywhere, this session included', async () => {
    const user = await t.createUser();
    const here = await t.login(user.email, user.password);
    const elsewhere = await t.login(user.email, user.password);
    const res = await here.post('/api/v1/auth/logout-everywhere').expect(204);
    expect(String(res.headers['set-cookie'])).toMatch(/otklik_session=;/);
    await here.get('/api/v1/auth/session').expect(401);
    await elsewhere.get('/api/v1/auth/session').expect(401);
  });

  it("mails a reset link to the member's own address; the admin learns nothing that signs in as them", async () => {
    // The member also belongs to another workspace: an admin of this one must not be able to take the account.
    const member = await t.createUser();
    const other = await t.seedAdmin('Member home');
    await t.addMember(other.workspaceId, member.userId, 'admin');
    await t.addMember(attacker.workspaceId, member.userId, 'viewer');
    const memberSession = await t.login(member.email, member.password);

    const before = mail.received.length;
    const sent = await asAttacker.post(`/api/v1/workspaces/${attacker.workspaceId}/members/${member.userId}/password-reset`).expect(204);
    expect(sent.text).toBe('');
    const message = await mail.waitFor(member.email, before);
    expect(mail.received.slice(before).every((m) => m.to.length === 1 && m.to[0] === member.email.toLowerCase())).toBe(true);
    const link = /https:\/\/otklik\.example\/reset-password\/([\w-]+)/.exec(message.text)?.[1] as string;
    expect(link).toBeTruthy();
    // Nothing changed until the member uses the link.
    await memberSession.get('/api/v1/auth/session').expect(200);
    await t.login(member.email, member.password);

    await t.http().post('/api/v1/auth/password-reset').send({ token: link, newPassword: 'reset-long-password' }).expect(204);
    await memberSession.get('/api/v1/auth/session').expect(401);
    await t.login(member.email, 'reset-long-password');
    expect((await t.http().post('/api/v1/auth/password-reset').send({ token: link, newPassword: 'second-long-password' })).status).toBe(
      404,
    );
  });

  it('refuses resets for people outside the workspace and from non-admins', async () => {
    const outsider = await t.createUser();
    const before = mail.received.length;
    const res = await asAttacker.post(`/api/v1/workspaces/${attacker.workspaceId}/members/${outsider.userId}/password-reset`);
    expect(res.status).toBe(404);
    const viewer = await t.createUser();
    await t.addMember(attacker.workspaceId, viewer.userId, 'viewer');
    const asViewer = await t.login(viewer.email, viewer.password);
    expect((await asViewer.post(`/api/v1/workspaces/${attacker.workspaceId}/members/${attacker.userId}/password-reset`)).status).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(mail.received.slice(before)).toEqual([]);
  });
});
