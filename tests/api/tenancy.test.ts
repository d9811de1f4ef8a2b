import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

/**
 * Two workspaces side by side. Every workspace-scoped endpoint in the OpenAPI document is called
 * across the boundary; each must answer 404 and change nothing.
 */
let t: TestApp;
let a: SeededAdmin;
let b: SeededAdmin;
let asA: LoggedIn;
let asB: LoggedIn;
let bRecords: Record<string, string>;
let operations: { method: string; path: string }[];

beforeAll(async () => {
  t = await startTestApp();
  a = await t.seedAdmin('Alpha');
  b = await t.seedAdmin('Beta');
  asA = await t.login(a.email, a.password);
  asB = await t.login(b.email, b.password);
  const bBase = `/api/v1/workspaces/${b.workspaceId}`;
  const invitation = await asB.post(`${bBase}/invitations`, { email: 'pending@beta.test', role: 'viewer' }).expect(201);
  const token = await asB.post(`${bBase}/api-tokens`, { name: 'beta', scopes: ['members:read'] }).expect(201);
  const survey = await asB.post(`${bBase}/surveys`, { name: 'Beta NPS', kind: 'nps' }).expect(201);
  await asB.put(`${bBase}/customers/beta-customer`, { name: 'Beta customer' }).expect(201);
  const flow = await asB.post(`${bBase}/churn/flows`, { name: 'Beta flow' }).expect(201);
  bRecords = {
    userId: b.userId,
    invitationId: invitation.body.id,
    tokenId: token.body.id,
    surveyId: survey.body.id,
    externalId: 'beta-customer',
    key: 'too_expensive',
    flowId: flow.body.id,
  };

  const doc = (await t.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(doc.paths)
    .filter(([path]) => path.includes('{workspaceId}'))
    .flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method, path })))
    // Signed with the workspace's own inbound secret, not opened by membership: a member of another workspace (or
    // anyone) gets 401 there; another workspace's signature is refused in inbound-email.test.ts.
    .filter((op) => `${op.method} ${op.path}` !== 'post /api/v1/workspaces/{workspaceId}/inbound/email');
});
afterAll(() => t.close());

function fill(path: string, workspaceId: string): string {
  return path
    .replace('{workspaceId}', workspaceId)
    .replace(/\{(\w+)\}/g, (_, name: string) => bRecords[name] ?? '00000000-0000-4000-8000-000000000000');
}

function call(as: LoggedIn, method: string, path: string) {
  switch (method) {
    case 'get':
      return as.get(path);
    case 'post':
      return as.post(path, { name: 'x', email: 'x@example.test', role: 'admin', scopes: ['members:read'], kind: 'nps' });
    case 'patch':
      return as.patch(path, { name: 'Hijacked', role: 'viewer', status: 'live', labels: { en: 'Hijacked' } });
    case 'put':
      return as.put(path, { name: 'Hijacked' });
    case 'delete':
      return as.delete(path);
    default:
      throw new Error(`untested method ${method}`);
  }
}

async function snapshotOfB() {
  const bBase = `/api/v1/workspaces/${b.workspaceId}`;
  const [ws, members, invitations, tokens, surveys, customers, reasons, flows] = await Promise.all([
    asB.get(bBase),
    asB.get(`${bBase}/members`),
    asB.get(`${bBase}/invitations`),
    asB.get(`${bBase}/api-tokens`),
    asB.get(`${bBase}/surveys`),
    asB.get(`${bBase}/customers`),
    asB.get(`${bBase}/churn/reasons`),
    asB.get(`${bBase}/churn/flows`),
  ]);
  return {
    ws: ws.body,
    members: members.body,
    invitations: invitations.body,
    tokens: tokens.body,
    surveys: surveys.body,
    customers: customers.body,
    reasons: reasons.body,
    flows: flows.body,
  };
}

describe('tenancy isolation', () => {
  it('covers every workspace endpoint in the API document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(16);
  });

  it('answers 404 to a member of another workspace on every endpoint, and changes nothing', async () => {
    const before = await snapshotOfB();
    for (const op of operations) {
      const res = await call(asA, op.method, fill(op.path, b.workspaceId));
      expect({ ...op, status: res.status }).toEqual({ ...op, status: 404 });
      expect(res.body.error.code).toBe('not_found');
    }
    expect(await snapshotOfB()).toEqual(before);
  });

  it("answers 404 when another workspace's record ids are used inside one's own workspace", async () => {
    const before = await snapshotOfB();
    const aBase = `/api/v1/workspaces/${a.workspaceId}`;
    await asA.delete(`${aBase}/invitations/${bRecords.invitationId}`).expect(404);
    await asA.delete(`${aBase}/api-tokens/${bRecords.tokenId}`).expect(404);
    await asA.patch(`${aBase}/members/${b.userId}`, { role: 'viewer' }).expect(404);
    await asA.delete(`${aBase}/members/${b.userId}`).expect(404);
    await asA.get(`${aBase}/surveys/${bRecords.surveyId}`).expect(404);
    await asA.patch(`${aBase}/surveys/${bRecords.surveyId}`, { name: 'Hijacked' }).expect(404);
    await asA.get(`${aBase}/customers/beta-customer`).expect(404);
    expect(await snapshotOfB()).toEqual(before);
  });

  it("answers 404 to another workspace's webhook, mention, touchpoint, SLA policy, case and ingest key ids", async () => {
    const bBase = `/api/v1/workspaces/${b.workspaceId}`;
    const aBase = `/api/v1/workspaces/${a.workspaceId}`;
    // A public IP literal: saved without a DNS lookup, never called (nothing is subscribed that fires here).
    const webhook = (await asB.post(`${bBase}/webhooks`, { url: 'https://93.184.216.34/hook', events: ['case.closed'] }).expect(201)).body;
    const key = (await asB.post(`${bBase}/mentions/ingest-keys`, { name: 'beta key' }).expect(201)).body;
    const mention = (
      await asB
        .post(`${bBase}/mentions/bulk`, {
          mentions: [{ source: 'vk', externalId: 'beta-post', text: 'Beta brand post', postedAt: new Date().toISOString() }],
        })
        .expect(200)
    ).body.items[0];
    const touchpoint = (await asB.post(`${bBase}/touchpoints`, { name: 'Beta desk', stage: 'buying' }).expect(201)).body;
    const policy = (await asB.get(`${bBase}/sla-policies`).expect(200)).body[0];
    const kase = (await asB.post(`${bBase}/cases`, { title: 'Beta case' }).expect(201)).body;
    const records: [string, string][] = [
      [`webhooks/${webhook.id}`, `${bBase}/webhooks/${webhook.id}`],
      [`mentions/${mention.id}`, `${bBase}/mentions/${mention.id}`],
      [`touchpoints/${touchpoint.id}`, `${bBase}/touchpoints/${touchpoint.id}`],
      [`sla-policies/${policy.id}`, `${bBase}/sla-policies/${policy.id}`],
      [`cases/${kase.id}`, `${bBase}/cases/${kase.id}`],
    ];
    const before = await Promise.all(
      records.map(([, own]) =>
        asB
          .get(own)
          .expect(200)
          .then((r) => r.body),
      ),
    );
    for (const [path] of records) {
      await asA.get(`${aBase}/${path}`).expect(404);
      await asA.patch(`${aBase}/${path}`, {}).expect(404);
      await asA.delete(`${aBase}/${path}`).expect(404);
    }
    await asA.delete(`${aBase}/mentions/ingest-keys/${key.id}`).expect(404);
    expect(
      await Promise.all(
        records.map(([, own]) =>
          asB
            .get(own)
            .expect(200)
            .then((r) => r.body),
        ),
      ),
    ).toEqual(before);
    expect((await asB.get(`${bBase}/mentions/ingest-keys`).expect(200)).body.map((k: { id: string }) => k.id)).toContain(key.id);
  });

  it('treats a malformed or unknown workspace id as not found', async () => {
    await asA.get('/api/v1/workspaces/not-a-uuid/members').expect(404);
    await asA.get('/api/v1/workspaces/00000000-0000-4000-8000-000000000000/members').expect(404);
  });

  it('lists only the caller’s own workspaces', async () => {
    const list = await asA.get('/api/v1/workspaces').expect(200);
    expect(list.body.map((w: { id: string }) => w.id)).toEqual([a.workspaceId]);
  });
});
