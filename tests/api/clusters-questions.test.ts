import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedbackTextsRepository } from '@otklik/backend/src/complaints/feedback-texts.repository';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

/**
 * Clustering partitioned by question (issue 17): the same words answered to "what do you like", "what don't you like"
 * and "what should we improve" end up in clusters of their own question, never together, and apart from the main
 * pool (the NPS survey's only comment question, complaints, cancellations, mentions).
 */
let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;

beforeAll(async () => {
  t = await startTestApp({ publicLimitPerIpPerMinute: 100_000 });
  admin = await t.seedAdmin('Pools Ltd');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
});
afterAll(async () => {
  await t?.close();
});

const en = (text: string) => ({ en: text });
const QUESTIONS = [
  { id: 'score', type: 'rating', required: true, text: en('Overall, how satisfied are you?'), scale: { min: 1, max: 5 } },
  { id: 'likes', type: 'text', required: false, text: en('What do you like?') },
  { id: 'dislikes', type: 'text', required: false, text: en("What don't you like?") },
  { id: 'improve', type: 'text', required: false, text: en('What should we improve?') },
];

// Twelve answers a question, all about delivery, so the words alone would put them together.
const LIKES = [
  'Delivery is fast, the courier came in half an hour',
  'Fast delivery every time',
  'Delivery fast and the courier is polite',
  'Very fast delivery, thank you',
  'I like the fast delivery to my door',
  'Delivery was fast even in the rain',
  'Fast delivery and a friendly courier',
  'The delivery is fast and on time',
  'Quick and fast delivery',
  'Delivery fast, food still hot',
  'Always fast delivery in the evening',
  'The fast delivery is the best part',
];
const DISLIKES = [
  'Delivery late again, two hours',
  'The delivery was late and the food cold',
  'Late delivery every Friday',
  'Delivery late, the courier did not call',
  'My delivery came late twice this week',
  'Delivery late by an hour',
  'The courier was late with the delivery',
  'Late delivery ruined dinner',
  'Delivery is always late in the evening',
  'Delivery late and nobody apologised',
  'Very late delivery yesterday',
  'Delivery late, waited all evening',
];
const IMPROVE = [
  'Send the delivery time by SMS',
  'Let me track the delivery courier on a map',
  'Narrower delivery windows please',
  'Tell me the delivery time in advance',
  'A delivery window of one hour',
  'Show the delivery courier on a map',
  'Text me when the delivery is close',
  'Delivery time slots in the morning',
  'Let me choose the delivery time',
  'Track delivery in the app',
  'An SMS with the delivery time',
  'Delivery tracking on a map please',
];
// The NPS survey's comment (its only open question): the main pool, with the same words again.
const COMMENTS = [
  'Delivery late again, two hours',
  'Late delivery every Friday',
  'Delivery late by an hour',
  'The delivery was late and the food cold',
  'Delivery late, the courier did not call',
  'Delivery is always late in the evening',
  'Very late delivery yesterday',
  'My delivery came late twice this week',
  'Late delivery ruined dinner',
  'Delivery late, waited all evening',
];

const db = () => t.app.get(DataSource);

async function liveSurvey(body: object): Promise<string> {
  const created = await asAdmin.post(`${ws}/surveys`, { name: `S ${randomUUID()}`, ...body }).expect(201);
  await asAdmin.patch(`${ws}/surveys/${created.body.id}`, { status: 'live' }).expect(200);
  return `/api/v1/public/surveys/${created.body.publicKey}/responses`;
}

const submit = (path: string, answers: object) =>
  t
    .http()
    .post(path)
    .send({ idempotencyKey: randomUUID(), respondentId: `r-${randomUUID()}`, answers, finished: true })
    .expect(201);

async function rebuild(): Promise<{ status: string; texts: number; clusters: number }> {
  const started = (await asAdmin.post(`${ws}/clusters/runs`).expect(202)).body;
  for (let i = 0; i < 600; i++) {
    const run = (await asAdmin.get(`${ws}/clusters/runs/${started.id}`).expect(200)).body;
    if (run.status !== 'running') return run;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('rebuild did not finish');
}

interface Placed {
  text: string;
  question_id: string | null;
  pool: string | null;
  cluster_id: string | null;
  cluster_question: string | null;
}
const placedTexts = (): Promise<Placed[]> =>
  db().query(
    `SELECT f.text, f.question_id, f.cluster_question_id AS pool, f.cluster_id, c.question_id AS cluster_question
       FROM feedback_texts f LEFT JOIN clusters c ON c.workspace_id = f.workspace_id AND c.id = f.cluster_id
      WHERE f.workspace_id = $1 ORDER BY f.created_at, f.id`,
    [admin.workspaceId],
  );

describe('likes, dislikes and suggestions form their own clusters', () => {
  let parametersPath: string;
  let likeCluster: string;
  let dislikeCluster: string;

  it('copies a response whose only open answer is a later question at once (the sync check sees it)', async () => {
    parametersPath = await liveSurvey({ kind: 'custom', questions: QUESTIONS });
    const sync = t.app.get(FeedbackTextsRepository);
    await asAdmin.post(`${ws}/clusters/sync`).expect(200);
    expect(await sync.workspacesToSync()).not.toContain(admin.workspaceId);
    // No answer to "likes" (the first open question, the response's comment): only a dislike.
    await submit(parametersPath, { score: 2, dislikes: DISLIKES[0] });
    expect(await sync.workspacesToSync()).toContain(admin.workspaceId);
    expect((await asAdmin.post(`${ws}/clusters/sync`).expect(200)).body.copied).toBe(1);
  });

  it('clusters each question apart from the others and from the main pool', async () => {
    for (let i = 1; i < 12; i++) await submit(parametersPath, { score: 3, likes: LIKES[i], dislikes: DISLIKES[i], improve: IMPROVE[i] });
    await submit(parametersPath, { score: 5, likes: LIKES[0], improve: IMPROVE[0] });
    const npsPath = await liveSurvey({ kind: 'nps', touchpointName: 'Delivery' });
    for (const comment of COMMENTS) await submit(npsPath, { score: 3, comment });
    expect((await asAdmin.post(`${ws}/clusters/sync`).expect(200)).body.copied).toBe(12 + 12 + 11 + 10);

    const copied = await placedTexts();
    // Every answer of the parameters survey pools by its question, the likes too (the survey has three open
    // questions); the NPS comment answers the survey's only open question and stays in the main pool.
    const pools = (question: string | null) => copied.filter((p) => p.question_id === question).map((p) => p.pool);
    expect(pools('likes')).toEqual(new Array(12).fill('likes'));
    expect(pools('dislikes')).toEqual(new Array(12).fill('dislikes'));
    expect(pools('improve')).toEqual(new Array(12).fill('improve'));
    expect(pools('comment')).toEqual(new Array(10).fill(null));

    const run = await rebuild();
    expect(run).toMatchObject({ status: 'completed', texts: 46 });
    const placed = await placedTexts();
    // No cluster mixes texts of two pools, and each cluster records its pool.
    const poolsOfCluster = new Map<string, Set<string | null>>();
    for (const p of placed) {
      if (!p.cluster_id) continue;
      poolsOfCluster.set(p.cluster_id, (poolsOfCluster.get(p.cluster_id) ?? new Set()).add(p.pool));
      expect(p.cluster_question).toBe(p.pool);
    }
    for (const set of poolsOfCluster.values()) expect(set.size).toBe(1);
    // "Delivery late, …" said as a dislike and as an NPS comment lands in two different clusters.
    const home = (text: string, question: string) => placed.find((p) => p.text === text && p.question_id === question)!.cluster_id;
    expect(home('Delivery late by an hour', 'dislikes')).not.toBeNull();
    expect(home('Delivery late by an hour', 'comment')).not.toBeNull();
    expect(home('Delivery late by an hour', 'dislikes')).not.toBe(home('Delivery late by an hour', 'comment'));
    // Each question found two clusters of its own (read off the run by hand: likes 6 of 12 texts clustered, dislikes
    // 11, suggestions 10, the comments 8); the suggestions split into "track the courier on a map" and "tell me the time".
    const clustersOf = (question: string) =>
      new Set(placed.filter((p) => p.question_id === question && p.cluster_id).map((p) => p.cluster_id));
    for (const question of ['likes', 'dislikes', 'improve', 'comment']) expect(clustersOf(question).size, question).toBe(2);
    const map = ['Show the delivery courier on a map', 'Delivery tracking on a map please', 'Let me track the delivery courier on a map'];
    const time = ['Send the delivery time by SMS', 'An SMS with the delivery time', 'Tell me the delivery time in advance'];
    expect(new Set(map.map((text) => home(text, 'improve'))).size).toBe(1);
    expect(new Set(time.map((text) => home(text, 'improve'))).size).toBe(1);
    expect(home(map[0], 'improve')).not.toBe(home(time[0], 'improve'));
    likeCluster = home('Delivery fast and the courier is polite', 'likes')!;
    dislikeCluster = home('Delivery late by an hour', 'dislikes')!;

    // The question filter lists that question's own clusters only.
    const likes = (await asAdmin.get(`${ws}/clusters?question=likes`).expect(200)).body;
    expect(new Set(likes.items.map((c: { id: string }) => c.id))).toEqual(clustersOf('likes'));
    for (const c of likes.items as { questionId: string; size: number; examples: { questionId: string }[] }[]) {
      expect(c.questionId).toBe('likes');
      expect(c.size).toBeGreaterThan(0);
      for (const e of c.examples) expect(e.questionId).toBe('likes');
    }
    const all = (await asAdmin.get(`${ws}/clusters`).expect(200)).body.items as { id: string; questionId: string | null }[];
    expect(new Set(all.map((c) => c.questionId))).toEqual(new Set([null, 'likes', 'dislikes', 'improve']));
  });

  it('places a new answer only among the clusters of its own question', async () => {
    await submit(parametersPath, { score: 2, dislikes: 'Delivery late, the food was cold' });
    expect((await asAdmin.post(`${ws}/clusters/sync`).expect(200)).body).toMatchObject({ copied: 1, placed: 1 });
    const [fresh] = (await placedTexts()).filter((p) => p.text === 'Delivery late, the food was cold');
    expect(fresh).toMatchObject({ question_id: 'dislikes', pool: 'dislikes', cluster_question: 'dislikes' });
  });

  it('refuses to merge clusters of different questions or move a text to another question, and keeps both', async () => {
    const refused = await asAdmin.post(`${ws}/clusters/${likeCluster}/merge`, { into: dislikeCluster }).expect(400);
    expect(JSON.stringify(refused.body)).toContain('different questions');
    const statuses: { id: string; status: string }[] = await db().query(
      `SELECT id, status FROM clusters WHERE workspace_id = $1 AND id = ANY ($2::uuid[])`,
      [admin.workspaceId, [likeCluster, dislikeCluster]],
    );
    expect(statuses.map((s) => s.status)).toEqual(['active', 'active']);

    const [like] = await db().query(`SELECT id FROM feedback_texts WHERE workspace_id = $1 AND text = $2`, [
      admin.workspaceId,
      'Delivery fast and the courier is polite',
    ]);
    const moved = await asAdmin.post(`${ws}/clusters/move-texts`, { textIds: [like.id], to: dislikeCluster }).expect(400);
    expect(JSON.stringify(moved.body)).toContain('another question');
    const [dislike] = await db().query(`SELECT id FROM feedback_texts WHERE workspace_id = $1 AND text = $2`, [
      admin.workspaceId,
      'Late delivery every Friday',
    ]);
    await asAdmin.post(`${ws}/clusters/move-texts`, { textIds: [like.id, dislike.id], newClusterName: 'Mixed' }).expect(400);
    expect((await placedTexts()).find((p) => p.text === 'Delivery fast and the courier is polite')!.cluster_id).toBe(likeCluster);

    // A split keeps the question: the new cluster belongs to the likes.
    const split = (await asAdmin.post(`${ws}/clusters/move-texts`, { textIds: [like.id], newClusterName: 'Speed' }).expect(200)).body;
    const detail = (await asAdmin.get(`${ws}/clusters/${split.clusterId}`).expect(200)).body;
    expect(detail).toMatchObject({ name: 'Speed', questionId: 'likes', size: 1 });
    // Renaming and merging within one question keep working.
    await asAdmin.patch(`${ws}/clusters/${split.clusterId}`, { name: 'Fast couriers' }).expect(200);
    const merged = (await asAdmin.post(`${ws}/clusters/${split.clusterId}/merge`, { into: likeCluster }).expect(200)).body;
    expect(merged.questionId).toBe('likes');
  });
});
