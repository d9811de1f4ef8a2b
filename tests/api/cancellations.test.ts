import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { customerSigner } from '../support/identity';

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let sign: (customerId: string) => string;

beforeAll(async () => {
  t = await startTestApp({ publicLimitPerIpPerMinute: 100_000 });
  admin = await t.seedAdmin('Subscriptions');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  sign = await customerSigner(asAdmin, admin.workspaceId);
});
afterAll(() => t.close());

async function flow(body: object = {}) {
  const res = await asAdmin.post(`${ws}/churn/flows`, { name: `Flow ${randomUUID()}`, languages: ['ru', 'en'], ...body }).expect(201);
  return { ...res.body, path: `/api/v1/public/cancellation-flows/${res.body.publicKey}` } as {
    id: string;
    publicKey: string;
    path: string;
  };
}

const db = () => t.app.get(DataSource);

describe('cancellation flows', () => {
  it('serves the reasons with their offers in the respondent language, "other" last when shuffled', async () => {
    const f = await flow({ randomizeReasons: true });
    const res = await t.http().get(`${f.path}?language=ru`).expect(200);
    expect(res.body.language).toBe('ru');
    expect(res.body.ui.title).toBe('Почему вы отменяете подписку?');
    expect(res.body.reasons).toHaveLength(11);
    expect(res.body.reasons.at(-1)).toMatchObject({ key: 'other', label: 'Другое', offer: null });
    expect(res.body.reasons.find((r: { key: string }) => r.key === 'too_expensive')).toMatchObject({
      label: 'Слишком дорого',
      offer: { type: 'discount', amount: 20, text: 'Останьтесь — скидка 20% на 3 месяца.' },
    });
  });

  it('offers only the chosen reasons, in order, and refuses unknown ones', async () => {
    const f = await flow({ reasonKeys: ['too_expensive', 'moved_away', 'other'] });
    const res = await t.http().get(f.path).expect(200);
    expect(res.body.reasons.map((r: { key: string }) => r.key)).toEqual(['too_expensive', 'moved_away', 'other']);
    const bad = await asAdmin.post(`${ws}/churn/flows`, { name: 'Bad', reasonKeys: ['teleported'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toEqual({ field: 'reasonKeys', message: 'unknown reason keys: teleported' });
  });

  it('records a run step by step, once, with the server-chosen offer and a "saved" outcome', async () => {
    await asAdmin.put(`${ws}/customers/cust-7`, { name: 'Ivan', mrr: 30 }).expect(201);
    const f = await flow();
    const key = randomUUID();
    const step1 = await t
      .http()
      .post(`${f.path}/submissions`)
      .send({ idempotencyKey: key, customerId: 'cust-7', customerHash: sign('cust-7'), reasonKey: 'too_expensive', finished: false })
      .expect(201);
    expect(step1.body).toMatchObject({ finished: false, outcome: null });
    await t
      .http()
      .post(`${f.path}/submissions`)
      .send({
        idempotencyKey: key,
        customerId: 'cust-7',
        customerHash: sign('cust-7'),
        reasonKey: 'too_expensive',
        followUp: 'Цена выросла',
        finished: false,
      })
      .expect(200);
    const done = await t
      .http()
      .post(`${f.path}/submissions`)
      .send({
        idempotencyKey: key,
        customerId: 'cust-7',
        customerHash: sign('cust-7'),
        reasonKey: 'too_expensive',
        offerAccepted: true,
        finished: true,
      })
      .expect(200);
    expect(done.body).toEqual({ cancellationId: step1.body.cancellationId, finished: true, outcome: 'saved' });
    // A late retry cannot change the outcome.
    const retry = await t
      .http()
      .post(`${f.path}/submissions`)
      .send({ idempotencyKey: key, reasonKey: 'moved_away', offerAccepted: false, finished: true })
      .expect(200);
    expect(retry.body.outcome).toBe('saved');

    const [row] = await db().query(
      `SELECT reason_key, follow_up, offer, outcome, mrr, offered_reason_keys FROM cancellations WHERE flow_id = $1`,
      [f.id],
    );
    expect(row).toMatchObject({ reason_key: 'too_expensive', follow_up: 'Цена выросла', outcome: 'saved', mrr: '30.00' });
    expect(row.offer.type).toBe('discount');
    expect(row.offered_reason_keys).toHaveLength(11);
    expect((await asAdmin.get(`${ws}/customers/cust-7`).expect(200)).body.lifecycleStage).not.toBe('left');
  });

  it('records "cancelled" when the offer is declined and marks the customer as left', async () => {
    await asAdmin.put(`${ws}/customers/cust-8`, { name: 'Olga', mrr: 12.5, lifecycleStage: 'repeat' }).expect(201);
    const f = await flow();
    const res = await t
      .http()
      .post(`${f.path}/submissions`)
      .send({ idempotencyKey: randomUUID(), customerId: 'cust-8', customerHash: sign('cust-8'), reasonKey: 'moved_away', finished: true })
      .expect(201);
    expect(res.body.outcome).toBe('cancelled');
    expect((await asAdmin.get(`${ws}/customers/cust-8`).expect(200)).body.lifecycleStage).toBe('left');
  });

  it('a step with a verified customer id moves their last seen (a saved run leaves them a customer); an unverified one does not', async () => {
    const longAgo = '2026-02-01T00:00:00.000Z';
    await asAdmin.put(`${ws}/customers/cust-seen`, { name: 'Pavel', lifecycleStage: 'repeat', lastSeenAt: longAgo }).expect(201);
    const customer = async () => (await asAdmin.get(`${ws}/customers/cust-seen`).expect(200)).body;
    const f = await flow({ requireVerifiedCustomer: false }); // so an unproven id is accepted at all
    const key = randomUUID();
    await t
      .http()
      .post(`${f.path}/submissions`)
      .send({ idempotencyKey: key, customerId: 'cust-seen', reasonKey: 'too_expensive', finished: false })
      .expect(201);
    expect((await customer()).lastSeenAt).toBe(longAgo); // claimed, not proven
    const before = Date.now();
    await t
      .http()
      .post(`${f.path}/submissions`)
      .send({
        idempotencyKey: key,
        customerId: 'cust-seen',
        customerHash: sign('cust-seen'),
        reasonKey: 'too_expensive',
        offerAccepted: true,
        finished: true,
      })
      .expect(200); // a later step of the same run
    const after = await customer();
    expect(Date.parse(after.lastSeenAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(after.lifecycleStage).toBe('repeat');
  });

  it.each([
    [{ reasonKey: 'teleported', finished: false }, 'reasonKey'],
    [{ finished: true }, 'reasonKey'],
    [{ reasonKey: 'other', finished: true }, 'otherText'],
    [{ reasonKey: 'moved_away', offerAccepted: true, finished: true }, 'offerAccepted'],
    [{ reasonKey: 'too_expensive', followUp: 'x'.repeat(5001), finished: false }, 'followUp'],
    [{ reasonKey: 'too_expensive' }, 'finished'],
  ])('rejects %j on %s and stores nothing', async (body, field) => {
    const f = await flow();
    const res = await t
      .http()
      .post(`${f.path}/submissions`)
      .send({ idempotencyKey: randomUUID(), ...body });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    const [{ n }] = await db().query(`SELECT count(*)::int AS n FROM cancellations WHERE flow_id = $1`, [f.id]);
    expect(n).toBe(0);
  });

  it('takes what the builder sets: its own follow-up question, the step switched off, and a save offer per reason', async () => {
    const f = await flow({
      reasonKeys: ['too_expensive', 'moved_away', 'not_using'],
      followUpQuestion: { en: 'What would make you come back?', ru: 'Что вернуло бы вас к нам?' },
      offers: [
        {
          reasonKey: 'moved_away',
          offer: { type: 'pause', amount: 8, text: { en: 'Pause while you move', ru: 'Пауза на время переезда' } },
        },
        { reasonKey: 'too_expensive', offer: null },
      ],
    });
    const ru = (await t.http().get(`${f.path}?language=ru`).expect(200)).body;
    expect(ru.ui.followUp).toBe('Что вернуло бы вас к нам?');
    expect(ru.reasons).toEqual([
      { key: 'too_expensive', label: 'Слишком дорого', offer: null },
      { key: 'moved_away', label: 'Переезд', offer: { type: 'pause', amount: 8, text: 'Пауза на время переезда' } },
      { key: 'not_using', label: 'Не пользуюсь / изменились потребности', offer: expect.objectContaining({ type: 'pause', amount: 4 }) },
    ]);
    // The server records the flow's offer with a saved run, not the taxonomy's.
    const run = await t
      .http()
      .post(`${f.path}/submissions`)
      .send({ idempotencyKey: randomUUID(), reasonKey: 'moved_away', offerAccepted: true, finished: true })
      .expect(201);
    const [stored] = await db().query(`SELECT offer FROM cancellations WHERE id = $1`, [run.body.cancellationId]);
    expect(stored.offer).toMatchObject({ type: 'pause', amount: 8 });
    // No offer here for too_expensive, so there is nothing to accept.
    const none = await t
      .http()
      .post(`${f.path}/submissions`)
      .send({ idempotencyKey: randomUUID(), reasonKey: 'too_expensive', offerAccepted: true, finished: true });
    expect(none.status).toBe(400);

    const off = (await asAdmin.patch(`${ws}/churn/flows/${f.id}`, { followUpEnabled: false }).expect(200)).body;
    expect(off).toMatchObject({ followUpEnabled: false, followUpQuestion: { en: 'What would make you come back?' } });
    expect(off.offers).toHaveLength(2);
    expect((await t.http().get(f.path).expect(200)).body.ui.followUp).toBe('');
    const standard = (
      await asAdmin.patch(`${ws}/churn/flows/${f.id}`, { followUpEnabled: true, followUpQuestion: null, offers: [] }).expect(200)
    ).body;
    expect(standard).toMatchObject({ followUpEnabled: true, followUpQuestion: {}, offers: [] });
    const en = (await t.http().get(`${f.path}?language=en`).expect(200)).body;
    expect(en.ui.followUp).toBe('Anything else we should know?');
    expect(en.reasons[0].offer).toMatchObject({ type: 'discount' });
  });

  it('previews unsaved builder settings as the widget would get them, storing nothing', async () => {
    const [{ n: before }] = await db().query(`SELECT count(*)::int AS n FROM cancellation_flows`);
    const body = {
      languages: ['en', 'bg'],
      reasonKeys: ['moved_away', 'other'],
      followUpEnabled: false,
      offers: [
        { reasonKey: 'moved_away', offer: { type: 'skip', amount: 2, text: { en: 'Skip two deliveries', bg: 'Пропуснете две доставки' } } },
      ],
    };
    const res = await asAdmin.post(`${ws}/churn/flows/preview?language=bg`, body).expect(200);
    expect(res.body).toMatchObject({
      language: 'bg',
      direction: 'ltr',
      reasons: [
        { key: 'moved_away', label: 'Преместване', offer: { type: 'skip', amount: 2, text: 'Пропуснете две доставки' } },
        { key: 'other', label: 'Друго', offer: null },
      ],
      ui: { title: 'Защо прекратявате абонамента?', followUp: '' },
    });
    const bad = await asAdmin.post(`${ws}/churn/flows/preview`, { reasonKeys: ['teleported'] });
    expect(bad.status).toBe(400);
    const [{ n: after }] = await db().query(`SELECT count(*)::int AS n FROM cancellation_flows`);
    expect(after).toBe(before);
    // The builder creates flows paused and publishes them when they are ready.
    const draft = await flow({ status: 'paused' });
    expect((await t.http().get(draft.path)).body.error.code).toBe('not_live');
    expect((await asAdmin.patch(`${ws}/churn/flows/${draft.id}`, { status: 'live' }).expect(200)).body.status).toBe('live');
    await t.http().get(draft.path).expect(200);
  });

  it.each([
    [{ reasonKeys: ['too_expensive', 'too_expensive'] }, 'reasonKeys', 'reason keys repeat: too_expensive'],
    [{ offers: [{ reasonKey: 'teleported', offer: null }] }, 'offers', 'offers name unknown reason keys: teleported'],
    [
      {
        offers: [
          { reasonKey: 'moved_away', offer: null },
          { reasonKey: 'moved_away', offer: null },
        ],
      },
      'offers',
      'more than one offer for: moved_away',
    ],
    [
      { offers: [{ reasonKey: 'moved_away', offer: { type: 'skip', text: { en: 'Skip' } } }] },
      'offers[0].offer.amount',
      'a skip offer needs amount (orders)',
    ],
    [{ offers: [{ reasonKey: 'moved_away', offer: { type: 'bribe', text: { en: 'x' } } }] }, 'offers.0.offer.type', undefined],
    [{ followUpQuestion: { en: '' } }, 'followUpQuestion', undefined],
    [{ followUpEnabled: 'yes' }, 'followUpEnabled', undefined],
  ])('refuses the flow edit %j (%s) and changes nothing', async (body, field, message) => {
    const f = await flow({ reasonKeys: ['moved_away'] });
    const res = await asAdmin.patch(`${ws}/churn/flows/${f.id}`, body);
    expect(res.status).toBe(400);
    const detail = res.body.error.details.find((d: { field: string }) => d.field === field);
    expect(detail, JSON.stringify(res.body.error.details)).toBeDefined();
    if (message) expect(detail.message).toBe(message);
    const [row] = await db().query(
      `SELECT reason_keys, offer_overrides, follow_up_question, follow_up_enabled FROM cancellation_flows WHERE id = $1`,
      [f.id],
    );
    expect(row).toEqual({ reason_keys: ['moved_away'], offer_overrides: {}, follow_up_question: {}, follow_up_enabled: true });
  });

  it('checks origins, pauses, and keeps flows to their workspace', async () => {
    const f = await flow({ allowedOrigins: ['https://app.example.com'] });
    const denied = await t.http().get(f.path).set('Origin', 'https://evil.test');
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('origin_not_allowed');
    await t.http().get(f.path).set('Origin', 'https://app.example.com').expect(200);
    await asAdmin.patch(`${ws}/churn/flows/${f.id}`, { status: 'paused' }).expect(200);
    expect((await t.http().get(f.path)).body.error.code).toBe('not_live');
    await t.http().get('/api/v1/public/cancellation-flows/cxl_nope').expect(404);
    const other = await t.seedAdmin('Other');
    const asOther = await t.login(other.email, other.password);
    expect((await asOther.patch(`${ws}/churn/flows/${f.id}`, { status: 'live' })).status).toBe(404);
    expect((await asOther.patch(`/api/v1/workspaces/${other.workspaceId}/churn/flows/${f.id}`, { status: 'live' })).status).toBe(404);
  });
});
