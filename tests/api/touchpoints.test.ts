import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, SeededUser, startTestApp, TestApp } from '../support/app';

/** Touchpoint registry, journey map scores and SLA policies against the real app and PostgreSQL. */
let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let analyst: SeededUser;
let asAnalyst: LoggedIn;
let viewer: SeededUser;
let asViewer: LoggedIn;
let ws: string;

beforeAll(async () => {
  // No case-sync tick during the run, so case figures come only from the cases this test opens.
  t = await startTestApp({ publicLimitPerIpPerMinute: 100_000, caseSyncMs: 3_600_000 });
  admin = await t.seedAdmin('Touchpoints LLC');
  asAdmin = await t.login(admin.email, admin.password);
  analyst = await t.createUser({ name: 'Anna Analyst' });
  viewer = await t.createUser({ name: 'Viktor Viewer' });
  await t.addMember(admin.workspaceId, analyst.userId, 'analyst');
  await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
  asAnalyst = await t.login(analyst.email, analyst.password);
  asViewer = await t.login(viewer.email, viewer.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
});
afterAll(() => t.close());

/** A live survey linked to a touchpoint, answered through the public endpoint. */
async function answeredSurvey(kind: 'nps' | 'csat' | 'ces', touchpointName: string, scores: number[]): Promise<string> {
  const created = await asAdmin
    .post(`${ws}/surveys`, {
      name: `${kind} ${randomUUID()}`,
      kind,
      touchpointName,
      displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
    })
    .expect(201);
  await asAdmin.patch(`${ws}/surveys/${created.body.id}`, { status: 'live' }).expect(200);
  for (const score of scores) {
    await t
      .http()
      .post(`/api/v1/public/surveys/${created.body.publicKey}/responses`)
      .send({ idempotencyKey: randomUUID(), respondentId: `r-${randomUUID()}`, answers: { score }, finished: true })
      .expect(201);
  }
  return created.body.id;
}

describe('SLA policies', () => {
  it('gives a workspace an editable default policy on first read (Moscow 09:00–18:00)', async () => {
    const list = (await asViewer.get(`${ws}/sla-policies`).expect(200)).body;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ name: 'Default', isDefault: true, clock: 'business', warnAtShare: 0.8, touchpointCount: 0 });
    expect(list[0].calendar.timeZone).toBe('Europe/Moscow');
    expect(list[0].calendar.workingHours['1']).toEqual([{ start: '09:00', end: '18:00' }]);
    expect(list[0].rules['*'].chat).toEqual({ firstResponseMinutes: 60 });
    // Reading twice does not add a second default.
    expect((await asAdmin.get(`${ws}/sla-policies`).expect(200)).body).toHaveLength(1);
  });

  it('previews deadlines: Friday 17:00 Moscow + 1 business hour is Monday 10:00', async () => {
    const [def] = (await asAdmin.get(`${ws}/sla-policies`).expect(200)).body;
    const res = await asAdmin
      .post(`${ws}/sla-policies/${def.id}/preview`, { openedAt: '2026-11-27T17:00:00+03:00', priority: 'normal', channel: 'chat' })
      .expect(200);
    // Opened at 17:00 Friday, the last working hour covers all 60 minutes: due Friday 18:00 MSK (15:00Z).
    expect(res.body).toMatchObject({ firstResponseMinutes: 60, resolutionMinutes: 1620, clock: 'business' });
    expect(res.body.firstResponseDue).toBe('2026-11-27T15:00:00.000Z');
    // Opened at 17:30: 30 min on Friday, 30 on Monday from 09:00 → Monday 09:30 MSK.
    const late = await asAdmin
      .post(`${ws}/sla-policies/${def.id}/preview`, { openedAt: '2026-11-27T17:30:00+03:00', priority: 'normal', channel: 'chat' })
      .expect(200);
    expect(late.body.firstResponseDue).toBe('2026-11-30T06:30:00.000Z');
    // Warning at 80% = 48 min: 30 Friday + 18 Monday → Monday 09:18 MSK.
    expect(late.body.firstResponseWarnAt).toBe('2026-11-30T06:18:00.000Z');
  });

  it('counts the brief example: opened Friday 18:00 (after hours) + 1 business hour → Monday 10:00', async () => {
    const [def] = (await asAdmin.get(`${ws}/sla-policies`).expect(200)).body;
    const res = await asAdmin
      .post(`${ws}/sla-policies/${def.id}/preview`, { openedAt: '2026-11-27T18:00:00+03:00', priority: 'normal', channel: 'social' })
      .expect(200);
    expect(res.body.firstResponseDue).toBe('2026-11-30T07:00:00.000Z');
    // Normal resolution = 3 business days = 27 h: Mon 9 + Tue 9 + Wed 9 → Wednesday 18:00 MSK.
    expect(res.body.resolutionDue).toBe('2026-12-02T15:00:00.000Z');
    // 80% = 21.6 h = 1296 min: Mon 540 + Tue 540 + 216 min Wed → Wed 12:36 MSK.
    expect(res.body.resolutionWarnAt).toBe('2026-12-02T09:36:00.000Z');
  });

  it('creates, validates and edits policies; only admins write', async () => {
    const body = {
      name: 'VIP',
      clock: 'calendar',
      rules: { '*': { '*': { firstResponseMinutes: 30, resolutionMinutes: 240 } } },
      calendar: { timeZone: 'Europe/Moscow', workingHours: { 1: [{ start: '09:00', end: '18:00' }] }, holidays: ['2026-12-31'] },
    };
    await asAnalyst.post(`${ws}/sla-policies`, body).expect(403);
    const vip = (await asAdmin.post(`${ws}/sla-policies`, body).expect(201)).body;
    expect(vip).toMatchObject({ name: 'VIP', isDefault: false, clock: 'calendar', warnAtShare: 0.8 });
    // Calendar clock: Friday 18:00 + 30 min is Friday 18:30 whatever the working hours.
    const p = await asAdmin
      .post(`${ws}/sla-policies/${vip.id}/preview`, { openedAt: '2026-11-27T18:00:00+03:00', priority: 'low', channel: 'email' })
      .expect(200);
    expect(p.body.firstResponseDue).toBe('2026-11-27T15:30:00.000Z');
    expect(p.body.resolutionDue).toBe('2026-11-27T19:00:00.000Z');

    const dup = await asAdmin.post(`${ws}/sla-policies`, { name: 'vip' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toContain('already exists');

    const bad = await asAdmin.post(`${ws}/sla-policies`, {
      name: 'Broken',
      rules: { someday: { '*': { firstResponseMinutes: -5 } } },
      calendar: { timeZone: 'Mars/Olympus', workingHours: { 1: [{ start: '18:00', end: '09:00' }] }, holidays: ['2026-02-30'] },
      warnAtShare: 1.5,
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.error.details.map((d: { field: string }) => d.field);
    expect(new Set(fields)).toEqual(new Set(['warnAtShare', 'rules', 'calendar']));
    const messages = bad.body.error.details.map((d: { message: string }) => d.message).join('\n');
    expect(messages).toContain('unknown priority "someday"');
    expect(messages).toContain('"Mars/Olympus" is not a known IANA time zone');
    expect(messages).toContain('end must be after start');
    expect(messages).toContain('"2026-02-30" is not a date');
    expect((await asAdmin.get(`${ws}/sla-policies`).expect(200)).body.map((x: { name: string }) => x.name)).not.toContain('Broken');

    const edited = (await asAdmin.patch(`${ws}/sla-policies/${vip.id}`, { warnAtShare: 0.5 }).expect(200)).body;
    expect(edited.warnAtShare).toBe(0.5);
    expect(
      (await asAdmin.patch(`${ws}/sla-policies/${vip.id}`, { calendar: { timeZone: 'UTC', workingHours: {}, holidays: [] } })).status,
    ).toBe(400);
  });

  it('refuses to delete the default or a policy in use unless reassigned', async () => {
    const list = (await asAdmin.get(`${ws}/sla-policies`).expect(200)).body;
    const def = list.find((x: { isDefault: boolean }) => x.isDefault);
    const gone = await asAdmin.delete(`${ws}/sla-policies/${def.id}`);
    expect(gone.status).toBe(409);
    expect(gone.body.error.message).toContain('default SLA policy cannot be deleted');

    const temp = (await asAdmin.post(`${ws}/sla-policies`, { name: 'Temp' }).expect(201)).body;
    const tp = (await asAdmin.post(`${ws}/touchpoints`, { name: 'Temp touchpoint', stage: 'aware', slaPolicyId: temp.id }).expect(201))
      .body;
    const inUse = await asAdmin.delete(`${ws}/sla-policies/${temp.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.message).toContain('1 touchpoint(s) use the SLA policy "Temp"');
    await asAdmin.delete(`${ws}/sla-policies/${temp.id}?reassignTo=${def.id}`).expect(204);
    expect((await asAdmin.get(`${ws}/touchpoints/${tp.id}`).expect(200)).body).toMatchObject({
      slaPolicyId: def.id,
      slaPolicyName: 'Default',
    });
    await asAdmin.delete(`${ws}/touchpoints/${tp.id}`).expect(204);
  });
});

describe('touchpoints', () => {
  it('creates with validation: enums, members, distinct backup, existing policy, unique name', async () => {
    const stranger = await t.createUser();
    const bad = await asAnalyst.post(`${ws}/touchpoints`, { name: 'X', stage: 'later', kind: 'robot', channel: 'pigeon' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['channel', 'kind', 'stage']);

    const people = await asAnalyst.post(`${ws}/touchpoints`, {
      name: 'X',
      stage: 'aware',
      ownerId: stranger.userId,
      backupOwnerId: stranger.userId,
      slaPolicyId: randomUUID(),
    });
    expect(people.status).toBe(400);
    expect(people.body.error.details).toEqual(
      expect.arrayContaining([
        { field: 'ownerId', message: 'ownerId must be a member of this workspace' },
        { field: 'backupOwnerId', message: 'the backup owner must be someone other than the owner' },
        { field: 'slaPolicyId', message: 'slaPolicyId is not an SLA policy of this workspace' },
      ]),
    );
    await asViewer.post(`${ws}/touchpoints`, { name: 'X', stage: 'aware' }).expect(403);

    const site = (
      await asAnalyst
        .post(`${ws}/touchpoints`, {
          name: 'Website',
          stage: 'aware',
          kind: 'business',
          category: 'site',
          channel: 'web_form',
          ownerId: analyst.userId,
          backupOwnerId: admin.userId,
          regulation: 'Pages load in 2 s.',
        })
        .expect(201)
    ).body;
    expect(site).toMatchObject({
      name: 'Website',
      stage: 'aware',
      kind: 'business',
      category: 'site',
      channel: 'web_form',
      regulation: 'Pages load in 2 s.',
      owner: { id: analyst.userId, name: 'Anna Analyst' },
      backupOwner: { id: admin.userId },
      unowned: false,
      slaPolicyId: null,
      slaPolicyName: 'Default',
      position: 0,
    });
    const dup = await asAnalyst.post(`${ws}/touchpoints`, { name: 'website', stage: 'buying' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toBe('A touchpoint named "website" already exists; pick another name.');
    await asAdmin.get(`${ws}/touchpoints/not-a-uuid`).expect(404);
    await asAdmin.get(`${ws}/touchpoints/${randomUUID()}`).expect(404);
  });

  it('renaming keeps the survey link, in one transaction', async () => {
    const tp = (await asAdmin.post(`${ws}/touchpoints`, { name: 'Checkout', stage: 'buying' }).expect(201)).body;
    const surveyId = await answeredSurvey('nps', 'Checkout', []);
    const renamed = (await asAdmin.patch(`${ws}/touchpoints/${tp.id}`, { name: 'Checkout page' }).expect(200)).body;
    expect(renamed.name).toBe('Checkout page');
    expect((await asAdmin.get(`${ws}/surveys/${surveyId}`).expect(200)).body.touchpointName).toBe('Checkout page');
    // A rename onto a taken name changes nothing.
    await asAdmin.post(`${ws}/touchpoints`, { name: 'Taken', stage: 'buying' }).expect(201);
    expect((await asAdmin.patch(`${ws}/touchpoints/${tp.id}`, { name: 'Taken' })).status).toBe(409);
    expect((await asAdmin.get(`${ws}/surveys/${surveyId}`).expect(200)).body.touchpointName).toBe('Checkout page');
  });

  it('builds the journey with owners, the unowned flag, scores with trends and linked surveys', async () => {
    const delivery = (
      await asAdmin.post(`${ws}/touchpoints`, { name: 'Delivery', stage: 'repeat', ownerId: admin.userId, channel: 'phone' }).expect(201)
    ).body;
    const office = (await asAdmin.post(`${ws}/touchpoints`, { name: 'Office', stage: 'repeat', kind: 'employee' }).expect(201)).body;
    expect(office.position).toBe(1);
    // NPS now: 10, 9, 8, 3 → 2 promoters, 1 detractor of 4 = 50 − 25 = 25.
    const nps = await answeredSurvey('nps', 'Delivery', [10, 9, 8, 3]);
    // Previous 30 days: 10, 2 → 50 − 50 = 0 (moved 45 days back, before the window split).
    const old = await answeredSurvey('nps', 'Delivery', [10, 2]);
    await t.app.get(DataSource).query(`UPDATE responses SET created_at = created_at - interval '45 days' WHERE survey_id = $1`, [old]);
    // CSAT now: 5, 4, 2 → 2 of 3 satisfied = 66.7 %; no previous → no trend.
    await answeredSurvey('csat', 'Delivery', [5, 4, 2]);
    // Another touchpoint's survey does not count.
    await answeredSurvey('nps', 'Office', [0]);
    // Two open cases on Delivery reach the card through the cases module's TOUCHPOINT_CASE_STATS provider.
    for (const title of ['Late parcel', 'Broken box']) await asAdmin.post(`${ws}/cases`, { title, touchpointId: delivery.id }).expect(201);

    const journey = (await asViewer.get(`${ws}/touchpoints/journey`).expect(200)).body;
    expect(journey.stages.map((s: { stage: string }) => s.stage)).toEqual(['aware', 'considering', 'buying', 'repeat', 'left']);
    const repeat = journey.stages.find((s: { stage: string }) => s.stage === 'repeat').touchpoints;
    expect(repeat.map((x: { name: string }) => x.name)).toEqual(['Delivery', 'Office']);
    const [d, o] = repeat;
    expect(d.id).toBe(delivery.id);
    expect(d).toMatchObject({ unowned: false, owner: { id: admin.userId } });
    // Nothing closed or breached yet: compliance is not measurable.
    expect(d.cases).toEqual({ open: 2, breached: 0, compliance: null });
    expect(d.scores.nps).toEqual({ current: 25, previous: 0, n: 4, previousN: 2, trend: 'up' });
    expect(d.scores.csat).toEqual({ current: 66.7, previous: null, n: 3, previousN: 0, trend: null });
    expect(d.scores.ces).toEqual({ current: null, previous: null, n: 0, previousN: 0, trend: null });
    expect(d.surveys.map((s: { id: string }) => s.id).sort()).toEqual(expect.arrayContaining([nps, old]));
    expect(d.surveys).toHaveLength(3);
    expect(o).toMatchObject({ unowned: true, owner: null, cases: { open: 0, breached: 0, compliance: null } });
    expect(o.scores.nps).toMatchObject({ current: -100, n: 1 });
    // asOf moves the window: 60+ days later nothing is current.
    const later = (await asAdmin.get(`${ws}/touchpoints/journey?asOf=${new Date(Date.now() + 100 * 86_400_000).toISOString()}`).expect(200))
      .body;
    expect(later.stages[3].touchpoints[0].scores.nps.n).toBe(0);
    expect((await asAdmin.get(`${ws}/touchpoints/journey?asOf=yesterday`)).status).toBe(400);
  });

  it('reorders within a stage and edits the owner', async () => {
    const list = (await asAdmin.get(`${ws}/touchpoints`).expect(200)).body.filter((x: { stage: string }) => x.stage === 'repeat');
    const ids = list.map((x: { id: string }) => x.id).reverse();
    const after = (await asAdmin.post(`${ws}/touchpoints/reorder`, { stage: 'repeat', ids }).expect(200)).body;
    expect(after.filter((x: { stage: string }) => x.stage === 'repeat').map((x: { id: string }) => x.id)).toEqual(ids);
    const office = after.find((x: { name: string }) => x.name === 'Office');
    const owned = (await asAnalyst.patch(`${ws}/touchpoints/${office.id}`, { ownerId: analyst.userId }).expect(200)).body;
    expect(owned).toMatchObject({ unowned: false, owner: { id: analyst.userId, name: 'Anna Analyst' } });
    expect((await asAnalyst.patch(`${ws}/touchpoints/${office.id}`, { backupOwnerId: analyst.userId })).status).toBe(400);
  });

  it('sets the round-robin team on the form: members only (400 naming the id), in order, kept when left out', async () => {
    const stranger = await t.createUser();
    const created = (
      await asAnalyst
        .post(`${ws}/touchpoints`, { name: 'Returns desk', stage: 'repeat', teamIds: [analyst.userId, admin.userId] })
        .expect(201)
    ).body;
    expect(created.team.map((p: { id: string }) => p.id)).toEqual([analyst.userId, admin.userId]);
    expect(created.team[0]).toMatchObject({ name: 'Anna Analyst', email: analyst.email });

    const outsider = await asAnalyst.patch(`${ws}/touchpoints/${created.id}`, { teamIds: [admin.userId, stranger.userId] });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.details).toEqual([{ field: 'teamIds', message: `${stranger.userId} is not a member of this workspace` }]);
    const twice = await asAnalyst.patch(`${ws}/touchpoints/${created.id}`, { teamIds: [admin.userId, admin.userId] });
    expect(twice.status).toBe(400);
    expect(twice.body.error.details[0].field).toBe('teamIds');
    const notIds = await asAnalyst.patch(`${ws}/touchpoints/${created.id}`, { teamIds: ['alice'] });
    expect(notIds.status).toBe(400);
    await asViewer.patch(`${ws}/touchpoints/${created.id}`, { teamIds: [] }).expect(403);
    // Refused edits changed nothing; an edit that leaves the team out keeps it.
    const renamed = (await asAnalyst.patch(`${ws}/touchpoints/${created.id}`, { regulation: 'Answer within a day.' }).expect(200)).body;
    expect(renamed.team.map((p: { id: string }) => p.id)).toEqual([analyst.userId, admin.userId]);
    const [stored] = await t.app.get(DataSource).query(`SELECT team_ids FROM touchpoints WHERE id = $1`, [created.id]);
    expect(stored.team_ids).toEqual([analyst.userId, admin.userId]);

    const reordered = (await asAnalyst.patch(`${ws}/touchpoints/${created.id}`, { teamIds: [admin.userId] }).expect(200)).body;
    expect(reordered.team.map((p: { id: string }) => p.id)).toEqual([admin.userId]);
    const cleared = (await asAnalyst.patch(`${ws}/touchpoints/${created.id}`, { teamIds: [] }).expect(200)).body;
    expect(cleared.team).toEqual([]);
  });

  it('keeps workspaces apart', async () => {
    const other = await t.seedAdmin('Other Co');
    const asOther = await t.login(other.email, other.password);
    const mine = (await asAdmin.get(`${ws}/touchpoints`).expect(200)).body[0];
    const [myPolicy] = (await asAdmin.get(`${ws}/sla-policies`).expect(200)).body;
    const theirs = `/api/v1/workspaces/${other.workspaceId}`;
    expect((await asOther.get(`${theirs}/touchpoints`).expect(200)).body).toEqual([]);
    await asOther.get(`${theirs}/touchpoints/${mine.id}`).expect(404);
    await asOther.patch(`${theirs}/touchpoints/${mine.id}`, { name: 'Hijack' }).expect(404);
    await asOther.get(`${ws}/touchpoints`).expect(404);
    await asOther.get(`${theirs}/sla-policies/${myPolicy.id}`).expect(404);
    // Their touchpoint cannot point at my policy, nor be owned by my member.
    const cross = await asOther.post(`${theirs}/touchpoints`, {
      name: 'X',
      stage: 'aware',
      slaPolicyId: myPolicy.id,
      ownerId: admin.userId,
    });
    expect(cross.status).toBe(400);
    expect(cross.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['ownerId', 'slaPolicyId']);
    // Same name in another workspace is fine.
    await asOther.post(`${theirs}/touchpoints`, { name: 'Delivery', stage: 'repeat' }).expect(201);
    const theirJourney = (await asOther.get(`${theirs}/touchpoints/journey`).expect(200)).body;
    expect(theirJourney.stages[3].touchpoints[0].scores.nps.n).toBe(0);
  });
});
