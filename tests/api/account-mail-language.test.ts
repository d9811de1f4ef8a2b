import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { MailServer, startMailServer } from '../support/mail-server';

/** Account mails (invitation codes, "you already have an account", password resets) in the recipient's language. */
let t: TestApp;
let mail: MailServer;
let admin: SeededAdmin;
let asAdmin: LoggedIn;

const codeIn = (text: string) => /\b(\d{8})\b/.exec(text)?.[1];
const invite = async (email: string) =>
  (await asAdmin.post(`/api/v1/workspaces/${admin.workspaceId}/invitations`, { email, role: 'viewer' }).expect(201)).body as {
    token: string;
  };

beforeAll(async () => {
  mail = await startMailServer();
  t = await startTestApp({ smtpUrl: mail.url, publicUrl: 'https://otklik.example' });
  admin = await t.seedAdmin('Ромашка');
  asAdmin = await t.login(admin.email, admin.password);
});
afterAll(async () => {
  await t?.close();
  await mail?.close();
});

describe('invitation codes', () => {
  it('writes the code mail in the language of the invitation page (Accept-Language), English when none of ours', async () => {
    const cases: [string | undefined, RegExp, RegExp][] = [
      ['ru-RU,ru;q=0.9,en;q=0.8', /^Ваш код для Otklik: \d{8}$/, /пригласили в рабочее пространство «Ромашка»/],
      ['bg', /^Вашият код за Otklik: \d{8}$/, /поканен в работното пространство „Ромашка“/],
      ['de-DE,ru;q=0.9', /^Your Otklik code: \d{8}$/, /invited .* to the workspace "Ромашка"/],
      [undefined, /^Your Otklik code: \d{8}$/, /invited .* to the workspace "Ромашка"/],
    ];
    for (const [index, [acceptLanguage, subject, body]] of cases.entries()) {
      const email = `guest-${index}-${Date.now()}@example.test`;
      const { token } = await invite(email);
      const before = mail.received.length;
      const request = t.http().post('/api/v1/auth/invitations/code').send({ token });
      if (acceptLanguage) request.set('Accept-Language', acceptLanguage);
      await request.expect(204);
      const received = await mail.waitFor(email, before);
      expect(received.parsed.subject).toMatch(subject);
      expect(received.parsed.text).toMatch(body);
      // The code in the body is the one in the subject.
      expect(codeIn(received.parsed.text ?? '')).toBe(codeIn(received.parsed.subject ?? ''));
    }
  });

  it("answers an existing account in the account's own language, whatever the page's", async () => {
    const existing = await t.createUser();
    const session = await t.login(existing.email, existing.password);
    await session.put('/api/v1/auth/locale', { locale: 'bg' }).expect(204);
    const { token } = await invite(existing.email);
    const before = mail.received.length;
    await t.http().post('/api/v1/auth/invitations/code').set('Accept-Language', 'ru').send({ token }).expect(204);
    const received = await mail.waitFor(existing.email, before);
    expect(received.parsed.subject).toBe('Вече имате профил в Otklik');
    expect(codeIn(received.parsed.text ?? '')).toBeUndefined();
  });
});

describe('password resets and the remembered language', () => {
  it('remembers the dashboard language and writes the reset link in it', async () => {
    const member = await t.createUser();
    await t.addMember(admin.workspaceId, member.userId, 'viewer');
    const session = await t.login(member.email, member.password);
    await session.put('/api/v1/auth/locale', { locale: 'ru' }).expect(204);
    expect((await session.get('/api/v1/auth/session').expect(200)).body.user.locale).toBe('ru');

    const before = mail.received.length;
    await asAdmin.post(`/api/v1/workspaces/${admin.workspaceId}/members/${member.userId}/password-reset`).expect(204);
    const received = await mail.waitFor(member.email, before);
    expect(received.parsed.subject).toBe('Новый пароль для Otklik');
    expect(received.parsed.text).toContain('Администратор рабочего пространства «Ромашка»');
    expect(received.parsed.text).toMatch(/https:\/\/otklik\.example\/reset-password\/[\w-]+/);
  });

  it('refuses a language the dashboard does not have, a missing CSRF token and an API token, changing nothing', async () => {
    const member = await t.createUser();
    const session = await t.login(member.email, member.password);
    const bad = await session.put('/api/v1/auth/locale', { locale: 'de' }).expect(400);
    expect(bad.body.error.code).toBe('validation_failed');
    await session.put('/api/v1/auth/locale', { locale: 'ru'.repeat(10_000) }).expect(400);
    await session.agent.put('/api/v1/auth/locale').send({ locale: 'bg' }).expect(403);
    const secret = (
      await asAdmin.post(`/api/v1/workspaces/${admin.workspaceId}/api-tokens`, { name: 'locale', scopes: ['workspace:read'] }).expect(201)
    ).body.secret as string;
    await t.http().put('/api/v1/auth/locale').set('Authorization', `Bearer ${secret}`).send({ locale: 'bg' }).expect(403);
    const [row] = await t.app.get(DataSource).query(`SELECT locale FROM users WHERE id = $1`, [member.userId]);
    expect(row.locale).toBe('en');
  });
});
