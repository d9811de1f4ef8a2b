import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@otklik/backend/src/common/auth/roles';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { MailServer, startMailServer } from '../support/mail-server';

let t: TestApp;
let mail: MailServer;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let base: string;

beforeAll(async () => {
  mail = await startMailServer();
  t = await startTestApp({ smtpUrl: mail.url });
  admin = await t.seedAdmin('Members Inc');
  asAdmin = await t.login(admin.email, admin.password);
  base = `/api/v1/workspaces/${admin.workspaceId}`;
});
afterAll(async () => {
  await t.close();
  await mail.close();
});

async function memberWithRole(role: Role): Promise<LoggedIn> {
  const user = await t.createUser();
  await t.addMember(admin.workspaceId, user.userId, role);
  return t.login(user.email, user.password);
}

describe('roles', () => {
  it.each(['analyst', 'owner', 'viewer'] as const)('a %s can read members but not invite, change roles or manage tokens', async (role) => {
    const me = await memberWithRole(role);
    const list = await me.get(`${base}/members`).expect(200);
    expect(list.body.map((m: { email: string }) => m.email)).toContain(admin.email);

    const invite = await me.post(`${base}/invitations`, { email: 'x@example.test', role: 'viewer' });
    expect(invite.status).toBe(403);
    expect(invite.body.error.message).toContain(role);
    expect((await me.patch(`${base}/members/${admin.userId}`, { role: 'viewer' })).status).toBe(403);
    expect((await me.delete(`${base}/members/${admin.userId}`)).status).toBe(403);
    expect((await me.get(`${base}/api-tokens`)).status).toBe(403);
    expect((await me.get(`${base}/invitations`)).status).toBe(403);
    expect((await me.patch(base, { name: 'Renamed' })).status).toBe(403);

    // Nothing changed.
    const admins = (await asAdmin.get(`${base}/members`)).body.filter((m: { role: string }) => m.role === 'admin');
    expect(admins).toHaveLength(1);
  });

  it('lets an admin rename the workspace', async () => {
    const res = await asAdmin.patch(base, { name: '  Members Inc.  ' }).expect(200);
    expect(res.body).toMatchObject({ id: admin.workspaceId, name: 'Members Inc.', role: 'admin' });
  });
});

describe('invitations', () => {
  it('invites a new person, who proves the address with the mailed code, sets a password and joins with the invited role', async () => {
    const created = await asAdmin.post(`${base}/invitations`, { email: 'New.Person@Example.test', role: 'analyst' }).expect(201);
    expect(created.body).toMatchObject({ email: 'new.person@example.test', role: 'analyst', acceptUrl: `/invite/${created.body.token}` });
    expect(created.body.invitedBy).toEqual({ userId: admin.userId, name: admin.name });

    const pending = await asAdmin.get(`${base}/invitations`).expect(200);
    expect(pending.body.map((i: { id: string }) => i.id)).toContain(created.body.id);
    expect(pending.body[0].token).toBeUndefined();

    const preview = await t.http().get(`/api/v1/auth/invitations/${created.body.token}`).expect(200);
    expect(preview.body).toEqual({
      email: 'new.person@example.test',
      workspaceName: 'Members Inc.',
      role: 'analyst',
      expiresAt: expect.any(String),
    });

    const before = mail.received.length;
    await t.http().post('/api/v1/auth/invitations/code').send({ token: created.body.token }).expect(204);
    const message = await mail.waitFor('new.person@example.test', before);
    const code = /\b(\d{8})\b/.exec(message.text)?.[1] as string;
    expect(code).toMatch(/^\d{8}$/);

    const register = (body: object) =>
      t
        .http()
        .post('/api/v1/auth/invitations/register')
        .send({ token: created.body.token, ...body });
    const missingName = await register({ code, password: 'a-long-password' });
    expect(missingName.status).toBe(400);
    expect(missingName.body.error.details.map((d: { field: string }) => d.field)).toContain('name');

    const shortPassword = await register({ code, password: 'short', name: 'N' });
    expect(shortPassword.status).toBe(400);
    expect(shortPassword.body.error.details[0]).toEqual({ field: 'password', message: 'password must be at least 10 characters' });

    const accepted = await register({ code, password: 'a-long-password', name: 'New Person' }).expect(200);
    expect(accepted.body.workspaces).toEqual([expect.objectContaining({ id: admin.workspaceId, role: 'analyst' })]);
    expect(accepted.headers['set-cookie']?.[0]).toContain('otklik_session=');

    // Used once only.
    await t.http().get(`/api/v1/auth/invitations/${created.body.token}`).expect(404);
    const members = await asAdmin.get(`${base}/members`).expect(200);
    expect(members.body).toContainEqual(expect.objectContaining({ email: 'new.person@example.test', role: 'analyst', name: 'New Person' }));
  });

  it('lets an existing account join by signing in as itself and accepting, with no password on the invitation', async () => {
    const existing = await t.createUser();
    const created = await asAdmin.post(`${base}/invitations`, { email: existing.email, role: 'viewer' }).expect(201);
    const preview = await t.http().get(`/api/v1/auth/invitations/${created.body.token}`).expect(200);
    expect(preview.body.userExists).toBeUndefined();
    // Without a session there is nothing to accept with.
    const anonymous = await t
      .http()
      .post('/api/v1/auth/invitations/accept')
      .send({ token: created.body.token, password: existing.password });
    expect(anonymous.status).toBe(401);
    expect((await asAdmin.get(`${base}/members`)).body.map((m: { email: string }) => m.email)).not.toContain(existing.email);

    const me = await t.login(existing.email, existing.password);
    const accepted = await me.post('/api/v1/auth/invitations/accept', { token: created.body.token }).expect(200);
    expect(accepted.body.workspaces).toContainEqual(expect.objectContaining({ id: admin.workspaceId, role: 'viewer' }));
    expect(accepted.body.csrfToken).toBe(me.csrfToken);
    expect((await asAdmin.get(`${base}/members`)).body.map((m: { email: string }) => m.email)).toContain(existing.email);
    await t.http().get(`/api/v1/auth/invitations/${created.body.token}`).expect(404);
  });

  it('refuses to invite a current member and validates the role', async () => {
    const dup = await asAdmin.post(`${base}/invitations`, { email: admin.email, role: 'viewer' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('already_member');
    const badRole = await asAdmin.post(`${base}/invitations`, { email: 'a@example.test', role: 'superuser' });
    expect(badRole.status).toBe(400);
    expect(badRole.body.error.details).toEqual([{ field: 'role', message: 'role must be one of: admin, analyst, owner, viewer' }]);
  });

  it('revokes a pending invitation so it can no longer be used', async () => {
    const created = await asAdmin.post(`${base}/invitations`, { email: 'revoked@example.test', role: 'viewer' }).expect(201);
    await asAdmin.delete(`${base}/invitations/${created.body.id}`).expect(204);
    await asAdmin.delete(`${base}/invitations/${created.body.id}`).expect(404);
    await t.http().get(`/api/v1/auth/invitations/${created.body.token}`).expect(404);
  });
});

describe('roles and the last admin', () => {
  it('changes roles, and never demotes or removes the last admin', async () => {
    const demote = await asAdmin.patch(`${base}/members/${admin.userId}`, { role: 'viewer' });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('last_admin');
    const remove = await asAdmin.delete(`${base}/members/${admin.userId}`);
    expect(remove.status).toBe(409);

    const second = await memberWithRole('viewer');
    const promoted = await asAdmin.patch(`${base}/members/${second.userId}`, { role: 'admin' }).expect(200);
    expect(promoted.body.role).toBe('admin');
    // With two admins, one may step down.
    await second.patch(`${base}/members/${admin.userId}`, { role: 'owner' }).expect(200);
    const back = await second.patch(`${base}/members/${second.userId}`, { role: 'viewer' });
    expect(back.status).toBe(409);
    await second.patch(`${base}/members/${admin.userId}`, { role: 'admin' }).expect(200);
  });

  it('lets two simultaneous demotions leave exactly one admin', async () => {
    const ws = await t.seedAdmin('Race');
    const other = await t.createUser();
    await t.addMember(ws.workspaceId, other.userId, 'admin');
    const a = await t.login(ws.email, ws.password);
    const b = await t.login(other.email, other.password);
    const path = `/api/v1/workspaces/${ws.workspaceId}/members`;
    const results = await Promise.all([
      a.patch(`${path}/${ws.userId}`, { role: 'viewer' }),
      b.patch(`${path}/${other.userId}`, { role: 'viewer' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const list = await (results[0].status === 200 ? b : a).get(path).expect(200);
    expect(list.body.filter((m: { role: string }) => m.role === 'admin')).toHaveLength(1);
  });

  it('lets a member leave, and an admin remove a member', async () => {
    const leaver = await memberWithRole('viewer');
    await leaver.delete(`${base}/members/${leaver.userId}`).expect(204);
    await leaver.get(`${base}/members`).expect(404);

    const removed = await memberWithRole('owner');
    await asAdmin.delete(`${base}/members/${removed.userId}`).expect(204);
    expect((await asAdmin.get(`${base}/members`)).body.map((m: { userId: string }) => m.userId)).not.toContain(removed.userId);
    await asAdmin.delete(`${base}/members/${removed.userId}`).expect(404);
  });

  it('validates the new role', async () => {
    const res = await asAdmin.patch(`${base}/members/${admin.userId}`, { role: 'root' });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('role');
  });
});
