import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterTexts, UNCLUSTERED } from '@otklik/backend/src/text/engine';
import { clusterTextsSampled, samplePositions } from '@otklik/backend/src/text/sampled';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

// Clustering at scale (issue 20): above OTKLIK_CLUSTER_SAMPLE_SIZE texts a rebuild fits on an evenly spread sample
// read by SQL and streams every text from the database into the fitted clusters. Here the sample size is 100 and the
// pool 312 texts, so the large path runs on a set small enough to check against the engine called directly.
const SAMPLE = 100;
const rows: { text: string; category: string }[] = parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'clustering', 'ru_marketplace_complaints.csv')),
  { columns: true, bom: true, skip_empty_lines: true },
);
const base = Date.UTC(2026, 10, 1);
// Distinct times, not in import order: the rebuild reads (occurred_at, id) order, so the reference must too.
const complaints = rows.map((r, i) => ({
  externalId: `mk-${i}`,
  text: r.text,
  occurredAt: new Date(base + ((i * 7919) % rows.length) * 60_000 + 123).toISOString(),
}));
const ordered = [...complaints].sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : 1));

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;

beforeAll(async () => {
  t = await startTestApp({ clusterSampleSize: SAMPLE });
  admin = await t.seedAdmin('Scale Co');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  await asAdmin.post(`${ws}/feedback-texts/bulk`, { complaints }).expect(200);
});
afterAll(() => t.close());

async function rebuild(): Promise<{
  status: string;
  texts: number;
  clusters: number;
  continued: number;
  created: number;
  retired: number;
}> {
  const started = (await asAdmin.post(`${ws}/clusters/runs`).expect(202)).body;
  for (let i = 0; i < 600; i++) {
    const run = (await asAdmin.get(`${ws}/clusters/runs/${started.id}`).expect(200)).body;
    if (run.status !== 'running') return run;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('rebuild did not finish');
}

/** Each text's cluster id (null: unclustered), in the rebuild's order. */
async function placements(): Promise<(string | null)[]> {
  const stored: { source_id: string; cluster_id: string | null; placed_by: string }[] = await t.app
    .get(DataSource)
    .query(`SELECT source_id, cluster_id, placed_by FROM feedback_texts WHERE workspace_id = $1`, [admin.workspaceId]);
  expect(stored.every((r) => r.placed_by === 'run')).toBe(true);
  const byExternal = new Map(stored.map((r) => [r.source_id, r.cluster_id]));
  return ordered.map((c) => byExternal.get(c.externalId)!);
}

describe('a rebuild above the sample size', () => {
  it('picks the sample by the same rule as the engine and places every text exactly as the engine does', async () => {
    expect(Array.from(samplePositions(10, 4))).toEqual([0, 3, 5, 8]);
    const run = await rebuild();
    expect(run).toMatchObject({ status: 'completed', texts: rows.length, created: run.clusters, continued: 0 });

    const reference = clusterTextsSampled(
      ordered.map((c) => c.text),
      { seed: 42, sampleSize: SAMPLE },
    );
    // The fit is the plain engine on the sample: its texts keep the fit's clusters.
    const fit = clusterTexts(
      Array.from(samplePositions(rows.length, SAMPLE), (p) => ordered[p].text),
      { seed: 42 },
    );
    samplePositions(rows.length, SAMPLE).forEach((p, s) => expect(reference.assignments[p]).toBe(fit.assignments[s]));
    expect(reference.clusters.length).toBeGreaterThan(3);
    expect(run.clusters).toBe(reference.clusters.length);

    // The same partition: one cluster id per engine cluster, unclustered where the engine leaves a text out.
    const stored = await placements();
    const idOf = new Map<number, string>();
    stored.forEach((clusterId, i) => {
      const engine = reference.assignments[i];
      if (engine === UNCLUSTERED) return expect(clusterId).toBeNull();
      expect(clusterId).not.toBeNull();
      if (!idOf.has(engine)) idOf.set(engine, clusterId!);
      expect(clusterId).toBe(idOf.get(engine));
    });
    expect(new Set(idOf.values()).size).toBe(reference.clusters.length);

    // Sizes and labels as the engine reports them.
    const listed = (await asAdmin.get(`${ws}/clusters`).expect(200)).body.items as { id: string; size: number; label: string }[];
    for (const cluster of reference.clusters) {
      const item = listed.find((c) => c.id === idOf.get(cluster.index));
      expect(item).toMatchObject({ size: cluster.size, label: cluster.label });
    }
  });

  it('gives the same clusters again on the same texts: every cluster continues, none is made or ended', async () => {
    const before = await placements();
    const run = await rebuild();
    expect(run).toMatchObject({ status: 'completed', texts: rows.length, created: 0, retired: 0 });
    expect(run.continued).toBe(run.clusters);
    expect(await placements()).toEqual(before);
  });
});
