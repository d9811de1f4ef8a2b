import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiTokensService } from '@otklik/backend/src/api-tokens/api-tokens.service';
import { scopesRoleMayHold } from '@otklik/backend/src/common/auth/access.decorators';
import { SCOPES } from '@otklik/survey-model';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let base: string;

beforeAll(async () => {
  t = await startTestApp({ webhookAllowedNetworks: ['127.0.0.0/8'] });
  admin = await t.seedAdmin('Tokens Ltd');
  asAdmin = await t.login(admin.email, admin.password);
  base = `/api/v1/workspaces/${admin.workspaceId}`;
});
afterAll(() => t.close());

const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });

async function createToken(scopes: string[], extra: object = {}) {
  const res = await asAdmin.post(`${base}/api-tokens`, { name: 'CRM sync', scopes, ...extra }).expect(201);
  return res.body as { id: string; secret: string; prefix: string };
}

describe('API tokens', () => {
  it('shows the secret once and stores only its hash', async () => {
    const created = await createToken(['members:read'], { expiresInDays: 30 });
    expect(created.secret).toMatch(/^otk_[a-f0-9]{12}_[\w-]{43}$/);
    expect(created.secret.startsWith(created.prefix)).toBe(true);

    const list = await asAdmin.get(`${base}/api-tokens`).expect(200);
    const listed = list.body.find((row: { id: string }) => row.id === created.id);
    expect(listed).toMatchObject({ name: 'CRM sync', scopes: ['members:read'], createdBy: { userId: admin.userId } });
    expect(listed.secret).toBeUndefined();
    expect(new Date(listed.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    const rows = await t.app.get(DataSource).query('SELECT token_hash, prefix FROM api_tokens WHERE id = $1', [created.id]);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    // The secret part is everything after the prefix: it may itself contain '_' (base64url), so split('_') would test
    // a fragment of it that can appear in any hex hash by chance.
    expect(JSON.stringify(rows)).not.toContain(created.secret.slice(created.prefix.length + 1));
  });

  it('authenticates server-to-server calls within its scopes and workspace', async () => {
    const { secret } = await createToken(['members:read', 'workspace:read']);
    const members = await t.http().get(`${base}/members`).set(bearer(secret)).expect(200);
    expect(members.body.map((m: { email: string }) => m.email)).toContain(admin.email);
    await t.http().get(base).set(bearer(secret)).expect(200);

    // No CSRF token needed: bearer tokens are not sent by browsers on their own.
    const scopeMissing = await t.http().post(`${base}/invitations`).set(bearer(secret)).send({ email: 'a@example.test', role: 'viewer' });
    expect(scopeMissing.status).toBe(403);
    expect(scopeMissing.body.error.code).toBe('token_not_allowed');

    // Tokens can never manage tokens or act as a user.
    expect((await t.http().get(`${base}/api-tokens`).set(bearer(secret))).status).toBe(403);
    expect((await t.http().get('/api/v1/auth/session').set(bearer(secret))).status).toBe(403);
    expect((await t.http().get('/api/v1/workspaces').set(bearer(secret))).status).toBe(403);
  });

  it('refuses a token without the needed scope', async () => {
    const { secret } = await createToken(['surveys:read']);
    const res = await t.http().get(`${base}/members`).set(bearer(secret));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('insufficient_scope');
    expect(res.body.error.message).toContain('members:read');
  });

  it("answers 404 for another workspace, as if it didn't exist", async () => {
    const { secret } = await createToken(['members:read', 'workspace:read']);
    const other = await t.seedAdmin('Someone else');
    const res = await t.http().get(`/api/v1/workspaces/${other.workspaceId}/members`).set(bearer(secret));
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('stops working once revoked, and rejects malformed or unknown tokens', async () => {
    const { id, secret } = await createToken(['members:read']);
    await t.http().get(`${base}/members`).set(bearer(secret)).expect(200);
    await asAdmin.delete(`${base}/api-tokens/${id}`).expect(204);
    const after = await t.http().get(`${base}/members`).set(bearer(secret));
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('invalid_token');
    expect((await asAdmin.get(`${base}/api-tokens`)).body.map((row: { id: string }) => row.id)).not.toContain(id);
    await asAdmin.delete(`${base}/api-tokens/${id}`).expect(404);

    for (const value of ['nonsense', `${secret}x`, secret.replace(/.$/, secret.endsWith('A') ? 'B' : 'A'), '']) {
      const res = await t.http().get(`${base}/members`).set('Authorization', `Bearer ${value}`);
      expect(res.status).toBe(401);
    }
  });

  it('validates the request', async () => {
    const res = await asAdmin.post(`${base}/api-tokens`, { name: ' ', scopes: ['members:read', 'root'], expiresInDays: 0 });
    expect(res.status).toBe(400);
    const fields = (res.body.error.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['expiresInDays', 'name', 'scopes']);
    const empty = await asAdmin.post(`${base}/api-tokens`, { name: 'x', scopes: [] });
    expect(empty.body.error.details).toEqual([{ field: 'scopes', message: 'choose at least one scope' }]);
  });
});

describe('API tokens never outrank their creator (issue 13, item 7)', () => {
  it("re-checks the creator's current role at every use: a demoted admin's token gets 403 on the webhook secret", async () => {
    const second = await t.createUser();
    await t.addMember(admin.workspaceId, second.userId, 'admin');
    const asSecond = await t.login(second.email, second.password);
    const hook = (await asAdmin.post(`${base}/webhooks`, { url: 'http://127.0.0.1:9/hook', events: ['*'] }).expect(201)).body as {
      id: string;
    };
    const { secret } = (
      await asSecond.post(`${base}/api-tokens`, { name: 'admin token', scopes: ['webhooks:write', 'members:read'] }).expect(201)
    ).body as { secret: string };
    await t.http().get(`${base}/webhooks/${hook.id}/secret`).set(bearer(secret)).expect(200);

    await asAdmin.patch(`${base}/members/${second.userId}`, { role: 'analyst' }).expect(200);
    const demoted = await t.http().get(`${base}/webhooks/${hook.id}/secret`).set(bearer(secret));
    expect(demoted.status).toBe(403);
    expect(demoted.body.error.code).toBe('token_creator_role');
    expect(demoted.body.error.message).toContain('analyst');
    expect(JSON.stringify(demoted.body)).not.toMatch(/whsec|"secret"/);
    // What an analyst may do, the token still may.
    await t.http().get(`${base}/members`).set(bearer(secret)).expect(200);

    // Removing the member revokes their tokens (with the removal), so re-adding them does not bring it back.
    await asAdmin.delete(`${base}/members/${second.userId}`).expect(204);
    const removed = await t.http().get(`${base}/members`).set(bearer(secret));
    expect(removed.status).toBe(401);
    expect(removed.body.error.code).toBe('invalid_token');
    const rows = await t.app
      .get(DataSource)
      .query('SELECT revoked_at FROM api_tokens WHERE workspace_id = $1 AND created_by = $2', [admin.workspaceId, second.userId]);
    expect(rows.length).toBe(1);
    expect(rows[0].revoked_at).not.toBeNull();
    await t.addMember(admin.workspaceId, second.userId, 'admin');
    expect((await t.http().get(`${base}/webhooks/${hook.id}/secret`).set(bearer(secret))).status).toBe(401);
  });

  it('stops a token whose creator left by any path (membership gone, not revoked): 401', async () => {
    const third = await t.createUser();
    await t.addMember(admin.workspaceId, third.userId, 'admin');
    const asThird = await t.login(third.email, third.password);
    const { secret } = (await asThird.post(`${base}/api-tokens`, { name: 'leaver', scopes: ['members:read'] }).expect(201)).body as {
      secret: string;
    };
    await t.http().get(`${base}/members`).set(bearer(secret)).expect(200);
    await t.app
      .get(DataSource)
      .query('DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2', [admin.workspaceId, third.userId]);
    expect((await t.http().get(`${base}/members`).set(bearer(secret))).status).toBe(401);
  });

  it("derives the scopes a role may hold from the routes' own rules, and refuses to mint beyond them", async () => {
    expect(scopesRoleMayHold('admin')).toEqual([...SCOPES]);
    expect(scopesRoleMayHold('analyst')).not.toContain('webhooks:read');
    expect(scopesRoleMayHold('analyst')).not.toContain('webhooks:write');
    expect(scopesRoleMayHold('analyst')).toContain('surveys:write');
    expect(scopesRoleMayHold('viewer')).not.toContain('surveys:write');
    expect(scopesRoleMayHold('viewer')).toContain('surveys:read');

    const tokens = t.app.get(ApiTokensService);
    const count = async () => Number((await t.app.get(DataSource).query('SELECT count(*) AS n FROM api_tokens'))[0].n);
    const before = await count();
    await expect(
      tokens.create(admin.workspaceId, { userId: admin.userId, role: 'analyst' }, { name: 'x', scopes: ['surveys:read', 'webhooks:read'] }),
    ).rejects.toMatchObject({ code: 'scope_beyond_role', message: expect.stringContaining('webhooks:read') });
    expect(await count()).toBe(before);
  });
});
