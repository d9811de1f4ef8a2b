import { randomUUID } from 'node:crypto';
import { UNCLUSTERED } from '../text/engine';
import { matchClusters } from '../text/match';
import type { Placement } from './feedback-texts.repository';
import { forEachSliced, mapSliced } from './sliced';

export interface PlanText {
  id: string;
  clusterId: string | null;
  placedBy: 'model' | 'run' | 'human' | null;
}

export interface PlanCluster {
  id: string;
  pinned: boolean;
}

export interface EngineCluster {
  index: number;
  label: string;
  keywords: string[];
  language: string;
  /** Positions in the text list of the most representative texts, best first. */
  examples: number[];
}

export interface RebuildPlan {
  /** Existing clusters that continue, with their fresh label and keywords. */
  refresh: { id: string; cluster: EngineCluster }[];
  /** New clusters. */
  insert: { id: string; cluster: EngineCluster }[];
  /** Clusters that end; `absorbedBy` took most of their texts (their pin moves there). */
  retire: { id: string; absorbedBy: string | null; pinned: boolean }[];
  placements: Placement[];
  /** Cluster id per engine cluster index (the model's centroid order); null where new texts should stay unclustered. */
  modelClusterIds: (string | null)[];
}

/**
 * How a rebuild lands, decided without the database. People's decisions bind: a text a person placed
 * (moved, split out, merged) stays where they put it while that cluster lives, and only texts the
 * machine placed decide which old cluster a new one continues. Otherwise merging "app crashes" into
 * "support" would make the merged cluster look like app crashes to the matcher and hand the name
 * "support" to the crash texts.
 *
 * Each pass over the texts runs in slices with yields between them: a rebuild plans millions of texts on the server's
 * event loop (security finding 13), and requests must not wait for it.
 */
export async function planRebuild(
  texts: readonly PlanText[],
  active: readonly PlanCluster[],
  assignments: Int32Array,
  engine: readonly EngineCluster[],
  newId: () => string = randomUUID,
): Promise<RebuildPlan> {
  const activeIds = new Set(active.map((c) => c.id));
  const keptByHuman = await mapSliced(texts, (t) => t.placedBy === 'human' && (t.clusterId === null || activeIds.has(t.clusterId)));
  const machine = (i: number) => !keptByHuman[i];

  // Members grouped in one pass each (a rebuild plans 100,000s of texts: no scan of all texts per cluster).
  const machineMembers = new Map<string, string[]>();
  const rebuiltMembers = new Map<number, string[]>();
  const humanCounts = new Map<number, Map<string, number>>();
  await forEachSliced(texts, (t, i) => {
    if (machine(i)) {
      if (t.clusterId !== null) push(machineMembers, t.clusterId, t.id);
      push(rebuiltMembers, assignments[i], t.id);
    } else if (t.clusterId) {
      const counts = humanCounts.get(assignments[i]) ?? new Map<string, number>();
      humanCounts.set(assignments[i], counts.set(t.clusterId, (counts.get(t.clusterId) ?? 0) + 1));
    }
  });
  const previous = active.map((c) => ({ id: c.id, memberIds: machineMembers.get(c.id) ?? [] })).filter((c) => c.memberIds.length > 0);
  const rebuilt = engine.map((c) => ({ memberIds: rebuiltMembers.get(c.index) ?? [] }));
  const mapping = matchClusters(previous, rebuilt);

  // An engine cluster whose texts people have all placed elsewhere becomes no cluster of its own: new
  // texts like them go where people put their likes.
  const humanHome = engine.map(
    (c) =>
      [...(humanCounts.get(c.index) ?? new Map<string, number>()).entries()].sort(
        (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
      )[0]?.[0] ?? null,
  );
  const ids = engine.map((_, i) => (rebuilt[i].memberIds.length === 0 ? null : (mapping.continues[i] ?? newId())));

  const refresh = engine.flatMap((cluster, i) => (ids[i] && mapping.continues[i] ? [{ id: ids[i]!, cluster }] : []));
  const insert = engine.flatMap((cluster, i) => (ids[i] && !mapping.continues[i] ? [{ id: ids[i]!, cluster }] : []));

  const continued = new Set(mapping.continues.filter((id): id is string => id !== null));
  const humanKept = new Set<string>();
  await forEachSliced(texts, (t, i) => keptByHuman[i] && t.clusterId && humanKept.add(t.clusterId));
  const absorbed = new Map(mapping.retired.map((r) => [r.id, r.absorbedBy === null ? null : ids[r.absorbedBy]]));
  const retire = active
    .filter((c) => !continued.has(c.id) && !humanKept.has(c.id))
    .map((c) => ({ id: c.id, absorbedBy: absorbed.get(c.id) ?? null, pinned: c.pinned }));
  const retiredIds = new Set(retire.map((r) => r.id));

  const rank = new Map<number, number>();
  for (const c of engine) c.examples.forEach((textIndex, r) => rank.set(textIndex, 1 - r / 100));
  const positionOf = new Map(engine.map((c, i) => [c.index, i]));
  const placements = await mapSliced(texts, (t, i): Placement => {
    if (keptByHuman[i] && !(t.clusterId && retiredIds.has(t.clusterId)))
      return { id: t.id, clusterId: t.clusterId, similarity: null, placedBy: 'human' };
    const position = assignments[i] === UNCLUSTERED ? undefined : positionOf.get(assignments[i]);
    const clusterId = position === undefined ? null : (ids[position] ?? humanHome[position]);
    return { id: t.id, clusterId, similarity: clusterId && ids[position!] ? (rank.get(i) ?? null) : null, placedBy: 'run' };
  });

  const modelClusterIds = new Array<string | null>(engine.length).fill(null);
  engine.forEach((c, i) => (modelClusterIds[c.index] = ids[i] ?? humanHome[i]));
  return { refresh, insert, retire, placements, modelClusterIds };
}

function push<K>(groups: Map<K, string[]>, key: K, id: string): void {
  const list = groups.get(key);
  if (list) list.push(id);
  else groups.set(key, [id]);
}
