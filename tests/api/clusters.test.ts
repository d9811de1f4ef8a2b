import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { COMPLAINT_TOPICS as TOPICS } from '../support/complaint-topics';
import { startWebhookReceiver, WebhookReceiver } from '../support/webhook-receiver';

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let receiver: WebhookReceiver;

beforeAll(async () => {
  t = await startTestApp({ webhookAllowedNetworks: ['127.0.0.0/8'], webhookPollMs: 50 });
  admin = await t.seedAdmin('Clusters Co');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

const db = () => t.app.get(DataSource);
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();

async function rebuild(): Promise<{ id: string; status: string; clusters: number; continued: number; created: number; texts: number }> {
  const started = (await asAdmin.post(`${ws}/clusters/runs`).expect(202)).body;
  for (let i = 0; i < 600; i++) {
    const run = (await asAdmin.get(`${ws}/clusters/runs/${started.id}`).expect(200)).body;
    if (run.status !== 'running') return run;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('rebuild did not finish');
}

/** The cluster holding most texts of a topic, by the texts' source ids. */
async function clusterOf(topic: string): Promise<{ id: string; share: number }> {
  const rows: { cluster_id: string | null; n: number }[] = await db().query(
    `SELECT cluster_id, count(*)::int AS n FROM feedback_texts WHERE workspace_id = $1 AND source_id LIKE $2 GROUP BY 1 ORDER BY 2 DESC`,
    [admin.workspaceId, `${topic}-%`],
  );
  return { id: rows[0].cluster_id!, share: rows[0].n / TOPICS[topic].length };
}

describe('complaint clusters', () => {
  let late: string;
  let charge: string;
  let app: string;
  let support: string;

  it('imports complaints with per-row errors and copies texts from responses, cancellations and negative mentions', async () => {
    const complaints = Object.entries(TOPICS).flatMap(([topic, texts]) =>
      texts.map((text, i) => ({
        externalId: `${topic}-${i}`,
        text,
        occurredAt: daysAgo(20 - (i % 10)),
        touchpoint: topic === 'late' ? 'Delivery' : undefined,
      })),
    );
    const imported = await asAdmin
      .post(`${ws}/feedback-texts/bulk`, { complaints: [...complaints, { externalId: '', text: 'x' }, 'nonsense'] })
      .expect(200);
    expect(imported.body).toMatchObject({ created: 48, existing: 0 });
    expect(imported.body.errors.map((e: { index: number; field: string }) => [e.index, e.field])).toEqual([
      [48, 'externalId'],
      [48, 'text'],
      [49, ''],
    ]);
    expect((await asAdmin.post(`${ws}/feedback-texts/bulk`, { complaints: complaints.slice(0, 3) }).expect(200)).body).toMatchObject({
      created: 0,
      existing: 3,
    });

    const survey = (
      await asAdmin
        .post(`${ws}/surveys`, {
          name: 'NPS',
          kind: 'nps',
          touchpointName: 'Checkout',
          displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
        })
        .expect(201)
    ).body;
    await asAdmin.patch(`${ws}/surveys/${survey.id}`, { status: 'live' }).expect(200);
    await t
      .http()
      .post(`/api/v1/public/surveys/${survey.publicKey}/responses`)
      .send({
        idempotencyKey: randomUUID(),
        respondentId: `r-${randomUUID()}`,
        answers: { score: 2, comment: 'Курьер опоздал на четыре часа, ужасно' },
        finished: true,
      })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/public/surveys/${survey.publicKey}/responses`)
      .send({ idempotencyKey: randomUUID(), respondentId: `r-${randomUUID()}`, answers: { score: 9 }, finished: true })
      .expect(201);
    const flow = (await asAdmin.post(`${ws}/churn/flows`, { name: 'Cancel', languages: ['ru'] }).expect(201)).body;
    await t
      .http()
      .post(`/api/v1/public/cancellation-flows/${flow.publicKey}/submissions`)
      .send({ idempotencyKey: randomUUID(), reasonKey: 'poor_service', followUp: 'Деньги списали дважды и не вернули', finished: true })
      .expect(201);
    const token = (await asAdmin.post(`${ws}/api-tokens`, { name: 'm', scopes: ['mentions:write'] }).expect(201)).body.secret;
    await t
      .http()
      .post(`${ws}/mentions/bulk`)
      .set('Authorization', `Bearer ${token}`)
      .send({
        mentions: [
          { source: 'vk', externalId: 'neg', text: 'Ужасное приложение, вылетает при оплате постоянно', postedAt: daysAgo(1) },
          { source: 'vk', externalId: 'pos', text: 'Отличный сервис, спасибо!', postedAt: daysAgo(1) },
        ],
      })
      .expect(200);

    const sync = (await asAdmin.post(`${ws}/clusters/sync`).expect(200)).body;
    expect(sync).toMatchObject({ copied: 3, placed: 0 });
    const sources: { source: string; n: number; touchpoint: string | null; sentiment: number | null; churn_reason_key: string | null }[] =
      await db().query(
        `SELECT source, count(*)::int AS n, max(touchpoint) AS touchpoint, min(sentiment) AS sentiment, max(churn_reason_key) AS churn_reason_key
         FROM feedback_texts WHERE workspace_id = $1 GROUP BY source ORDER BY source`,
        [admin.workspaceId],
      );
    expect(sources).toEqual([
      { source: 'cancellation', n: 1, touchpoint: null, sentiment: -1, churn_reason_key: 'poor_service' },
      { source: 'complaint', n: 48, touchpoint: 'Delivery', sentiment: -1, churn_reason_key: null },
      { source: 'mention', n: 1, touchpoint: null, sentiment: -1, churn_reason_key: null },
      { source: 'response', n: 1, touchpoint: 'Checkout', sentiment: -1, churn_reason_key: null },
    ]);
    expect((await asAdmin.post(`${ws}/clusters/sync`).expect(200)).body.copied).toBe(0);
  });

  it('finds the four problems without being told how many, with readable labels', async () => {
    const run = await rebuild();
    expect(run).toMatchObject({ status: 'completed', texts: 51, continued: 0 });
    ({ id: late } = await clusterOf('late'));
    ({ id: charge } = await clusterOf('charge'));
    ({ id: app } = await clusterOf('app'));
    ({ id: support } = await clusterOf('support'));
    expect(new Set([late, charge, app, support]).size).toBe(4);
    for (const topic of Object.keys(TOPICS)) expect((await clusterOf(topic)).share).toBeGreaterThanOrEqual(0.75);
    const list = (await asAdmin.get(`${ws}/clusters`).expect(200)).body;
    const byId = new Map(list.items.map((c: { id: string }) => [c.id, c]));
    expect((byId.get(late) as { label: string }).label.toLowerCase()).toMatch(/опозд|курьер|доставк/);
    expect((byId.get(support) as { label: string; language: string }).label.toLowerCase()).toMatch(/support|repl|answer/);
    expect((byId.get(charge) as { examples: unknown[] }).examples).toHaveLength(3);
    expect(list.latestRun).toMatchObject({ id: run.id, status: 'completed', progress: 1 });
    // The response comment about a late courier joined the lateness cluster.
    const [response] = await db().query(`SELECT cluster_id FROM feedback_texts WHERE workspace_id = $1 AND source = 'response'`, [
      admin.workspaceId,
    ]);
    expect(response.cluster_id).toBe(late);
  });

  it('places new texts with the current model between rebuilds', async () => {
    await asAdmin
      .post(`${ws}/feedback-texts/bulk`, {
        complaints: [
          { externalId: 'new-late', text: 'Курьер снова опоздал на два часа' },
          { externalId: 'new-app', text: 'Приложение вылетает при оплате заказа' },
          { externalId: 'new-odd', text: 'Погода сегодня прекрасная, гуляем в парке' },
        ],
      })
      .expect(200);
    expect((await asAdmin.post(`${ws}/clusters/sync`).expect(200)).body.placed).toBe(3);
    const placed: { source_id: string; cluster_id: string | null; placed_by: string }[] = await db().query(
      `SELECT source_id, cluster_id, placed_by FROM feedback_texts WHERE workspace_id = $1 AND source_id LIKE 'new-%' ORDER BY source_id`,
      [admin.workspaceId],
    );
    expect(placed).toEqual([
      { source_id: 'new-app', cluster_id: app, placed_by: 'model' },
      { source_id: 'new-late', cluster_id: late, placed_by: 'model' },
      { source_id: 'new-odd', cluster_id: null, placed_by: 'model' },
    ]);
    const unclustered = (await asAdmin.get(`${ws}/clusters/unclustered/texts`).expect(200)).body;
    expect(unclustered.items.map((i: { sourceId: string }) => i.sourceId)).toContain('new-odd');
  });

  it('keeps names, pins, merges and moved texts across a rebuild', async () => {
    await asAdmin.patch(`${ws}/clusters/${late}`, { name: 'Опоздания курьеров' }).expect(200);
    const pinned = (await asAdmin.patch(`${ws}/clusters/${app}`, { pinned: true }).expect(200)).body;
    expect(pinned.pinned).toBe(true);
    // Merge "double charge" into "support" (a team decision), then split two support texts into a new cluster.
    const merged = (await asAdmin.post(`${ws}/clusters/${charge}/merge`, { into: support }).expect(200)).body;
    expect(merged.size).toBe(24 + (merged.size - 24)); // sanity: the merged cluster's size is reported
    const phoneTexts: { id: string }[] = await db().query(
      `SELECT id FROM feedback_texts WHERE workspace_id = $1 AND source_id IN ('support-3', 'support-7') ORDER BY source_id`,
      [admin.workspaceId],
    );
    const split = (
      await asAdmin
        .post(`${ws}/clusters/move-texts`, { textIds: phoneTexts.map((p) => p.id), newClusterName: 'Phone and chat waits' })
        .expect(200)
    ).body;
    expect(split.moved).toBe(2);

    await asAdmin.post(`${ws}/clusters/${charge}/merge`, { into: support }).expect(409);
    await asAdmin.post(`${ws}/clusters/${support}/merge`, { into: support }).expect(400);
    await asAdmin.post(`${ws}/clusters/move-texts`, { textIds: [randomUUID()], to: late }).expect(400);

    const run = await rebuild();
    expect(run.status).toBe('completed');
    const list = (await asAdmin.get(`${ws}/clusters`).expect(200)).body;
    const byId = new Map<string, { name: string; customName: string | null; pinned: boolean }>(
      list.items.map((c: { id: string }) => [c.id, c]),
    );
    expect(byId.get(late)).toMatchObject({ name: 'Опоздания курьеров', customName: 'Опоздания курьеров' });
    expect(byId.get(app)).toMatchObject({ pinned: true });
    expect(byId.has(charge)).toBe(false);
    // The merged cluster keeps its own topic: most support texts are still in it, under its id.
    expect((await clusterOf('support')).id).toBe(support);
    // The texts a person moved are still where they were put.
    const moved: { cluster_id: string; placed_by: string }[] = await db().query(
      `SELECT cluster_id, placed_by FROM feedback_texts WHERE id = ANY ($1::uuid[])`,
      [phoneTexts.map((p) => p.id)],
    );
    expect(moved).toEqual([
      { cluster_id: split.clusterId, placed_by: 'human' },
      { cluster_id: split.clusterId, placed_by: 'human' },
    ]);
    expect(byId.get(split.clusterId)).toMatchObject({ name: 'Phone and chat waits' });
    // Rebuilding twice on the same texts changes nothing (deterministic).
    const before = await db().query(`SELECT id, cluster_id FROM feedback_texts WHERE workspace_id = $1 ORDER BY id`, [admin.workspaceId]);
    expect((await rebuild()).created).toBe(0);
    expect(await db().query(`SELECT id, cluster_id FROM feedback_texts WHERE workspace_id = $1 ORDER BY id`, [admin.workspaceId])).toEqual(
      before,
    );
  });

  it('shows one cluster in depth: trend, sources, touchpoints and texts', async () => {
    const detail = (await asAdmin.get(`${ws}/clusters/${late}?interval=week`).expect(200)).body;
    expect(detail.sources).toEqual(
      expect.arrayContaining([
        { key: 'complaint', count: expect.any(Number) },
        { key: 'response', count: 1 },
      ]),
    );
    expect(detail.touchpoints[0]).toEqual({ key: 'Delivery', count: expect.any(Number) });
    expect(detail.trend.reduce((sum: number, p: { count: number }) => sum + p.count, 0)).toBe(detail.size);
    const page = (await asAdmin.get(`${ws}/clusters/${late}/texts?limit=5`).expect(200)).body;
    expect(page.items).toHaveLength(5);
    expect(page.total).toBe(detail.size);
    const filtered = (await asAdmin.get(`${ws}/clusters?source=response`).expect(200)).body;
    expect(filtered.items.map((c: { id: string; size: number }) => [c.id, c.size])).toEqual([[late, 1]]);
    await asAdmin.get(`${ws}/clusters?source=tweets`).expect(400);
  });

  it('raises a growth alert once and sends it to webhooks', async () => {
    await asAdmin.post(`${ws}/webhooks`, { url: receiver.url, events: ['cluster.alert'] }).expect(201);
    await asAdmin.put(`${ws}/clusters/settings`, { factor: 2, minCount: 3 }).expect(200);
    await asAdmin
      .post(`${ws}/feedback-texts/bulk`, {
        complaints: [1, 2, 3, 4, 5, 6, 7, 8].map((i) => ({
          externalId: `burst-${i}`,
          text: `Приложение вылетает при оплате, уже ${i} раз подряд`,
        })),
      })
      .expect(200);
    const sync = (await asAdmin.post(`${ws}/clusters/sync`).expect(200)).body;
    expect(sync.alerts).toBeGreaterThanOrEqual(1);
    const alerts = (await asAdmin.get(`${ws}/clusters/alerts`).expect(200)).body;
    expect(alerts.find((a: { clusterId: string }) => a.clusterId === app)).toMatchObject({
      recentCount: expect.any(Number),
      windowDays: 7,
    });
    expect((await asAdmin.post(`${ws}/clusters/sync`).expect(200)).body.alerts).toBe(0);
    const [hook] = await receiver.waitFor(1, (w) => w.json.type === 'cluster.alert' && w.json.data.clusterId === app);
    expect(hook.json.data).toMatchObject({ pinned: true, factor: 2 });
  });

  it('keeps each workspace to itself and checks roles', async () => {
    const other = await t.seedAdmin('Other');
    const session = await t.login(other.email, other.password);
    await session.get(`${ws}/clusters`).expect(404);
    await session.get(`/api/v1/workspaces/${other.workspaceId}/clusters/${late}`).expect(404);
    const viewer = await t.createUser();
    await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
    const asViewer = await t.login(viewer.email, viewer.password);
    await asViewer.get(`${ws}/clusters`).expect(200);
    await asViewer.patch(`${ws}/clusters/${late}`, { name: 'x' }).expect(403);
    await asViewer.post(`${ws}/clusters/runs`).expect(403);
  });
});
