import { describe, expect, it } from 'vitest';
import { type EngineCluster, planRebuild, type PlanText } from './rebuild-plan';

const cluster = (index: number, label: string): EngineCluster => ({ index, label, keywords: [label], language: 'en', examples: [] });
let counter = 0;
const newId = () => `new-${++counter}`;

describe('planRebuild', () => {
  it('continues clusters by their machine-placed members and keeps ids', async () => {
    const texts: PlanText[] = ['a1', 'a2', 'a3', 'b1', 'b2', 'b3'].map((id) => ({
      id,
      clusterId: id[0] === 'a' ? 'A' : 'B',
      placedBy: 'run',
    }));
    const plan = await planRebuild(
      texts,
      [
        { id: 'A', pinned: false },
        { id: 'B', pinned: true },
      ],
      Int32Array.from([0, 0, 0, 1, 1, 1]),
      [cluster(0, 'a'), cluster(1, 'b')],
      newId,
    );
    expect(plan.refresh.map((r) => r.id)).toEqual(['A', 'B']);
    expect(plan.insert).toEqual([]);
    expect(plan.retire).toEqual([]);
    expect(plan.modelClusterIds).toEqual(['A', 'B']);
  });

  it('keeps a merged cluster on its own topic: the name stays with the texts the machine placed there', async () => {
    // "support" (S) was renamed; a person merged "app crashes" into it (those texts are now human-placed in S)
    // and split two support texts into "P". The engine finds support and crashes apart again.
    const texts: PlanText[] = [
      ...['s1', 's2', 's3', 's4', 's5'].map((id) => ({ id, clusterId: 'S', placedBy: 'run' as const })),
      ...['p1', 'p2'].map((id) => ({ id, clusterId: 'P', placedBy: 'human' as const })),
      ...['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map((id) => ({ id, clusterId: 'S', placedBy: 'human' as const })),
    ];
    const assignments = Int32Array.from([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    const plan = await planRebuild(
      texts,
      [
        { id: 'S', pinned: true },
        { id: 'P', pinned: false },
      ],
      assignments,
      [cluster(0, 'support'), cluster(1, 'crash')],
      newId,
    );
    expect(plan.refresh.map((r) => [r.id, r.cluster.label])).toEqual([['S', 'support']]);
    expect(plan.insert).toEqual([]); // the crash texts are all placed by a person: no cluster of their own
    expect(plan.retire).toEqual([]); // P holds texts a person put there
    const where = Object.fromEntries(plan.placements.map((p) => [p.id, [p.clusterId, p.placedBy]]));
    expect(where.s1).toEqual(['S', 'run']);
    expect(where.p1).toEqual(['P', 'human']);
    expect(where.c1).toEqual(['S', 'human']);
    // New crash-like texts will go to S, where people put the crashes.
    expect(plan.modelClusterIds).toEqual(['S', 'S']);
  });

  it('retires clusters nobody continues and nobody holds, passing the pin to the absorber', async () => {
    const texts: PlanText[] = ['a1', 'a2', 'b1', 'b2'].map((id) => ({ id, clusterId: id[0] === 'a' ? 'A' : 'B', placedBy: 'run' }));
    // The engine now sees one topic.
    const plan = await planRebuild(
      texts,
      [
        { id: 'A', pinned: false },
        { id: 'B', pinned: true },
      ],
      Int32Array.from([0, 0, 0, 0]),
      [cluster(0, 'ab')],
      newId,
    );
    expect(plan.refresh.map((r) => r.id)).toHaveLength(1);
    const kept = plan.refresh[0].id;
    expect(plan.retire).toEqual([{ id: kept === 'A' ? 'B' : 'A', absorbedBy: kept, pinned: kept === 'A' }]);
    expect(plan.placements.every((p) => p.clusterId === kept && p.placedBy === 'run')).toBe(true);
  });

  it('lets texts fit no cluster and sends human texts of retired clusters back to the machine', async () => {
    const texts: PlanText[] = [
      { id: 'x', clusterId: null, placedBy: 'human' },
      { id: 'y', clusterId: 'GONE', placedBy: 'human' },
      { id: 'z', clusterId: null, placedBy: 'model' },
    ];
    const plan = await planRebuild(texts, [], Int32Array.from([0, 0, -1]), [cluster(0, 'q')], newId);
    expect(plan.placements.map((p) => [p.id, p.clusterId === null ? null : 'new', p.placedBy])).toEqual([
      ['x', null, 'human'],
      ['y', 'new', 'run'],
      ['z', null, 'run'],
    ]);
  });

  it('plans millions of texts without blocking the event loop: it yields between slices (security finding 13)', async () => {
    const n = 60_000;
    const texts: PlanText[] = Array.from({ length: n }, (_, i) => ({ id: `t${i}`, clusterId: i % 2 ? 'old' : null, placedBy: 'run' }));
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    const planned = planRebuild(texts, [{ id: 'old', pinned: false }], new Int32Array(n), [cluster(0, 'x')], () => 'new');
    expect(planned).toBeInstanceOf(Promise);
    const plan = await planned;
    clearInterval(ticker);
    expect(ticks).toBeGreaterThan(0);
    expect(plan.refresh.map((r) => r.id)).toEqual(['old']);
    expect(plan.placements).toHaveLength(n);
    expect(plan.placements.every((p) => p.clusterId === 'old' && p.placedBy === 'run')).toBe(true);
  });
});
