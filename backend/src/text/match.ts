/**
 * Keeping cluster identity across a rebuild: match the rebuilt clusters to the previous ones by shared
 * members, so ids, names and human edits carry over. Pure and deterministic: equal input, equal output.
 */

export interface PreviousCluster {
  id: string;
  memberIds: readonly string[];
}

export interface RebuiltCluster {
  memberIds: readonly string[];
}

export interface ClusterMapping {
  /** Per rebuilt cluster (same order): the previous id it continues, or null when it is new. */
  continues: (string | null)[];
  /** Per rebuilt cluster: the previous cluster most of its members came from when it is new (a split), else null. */
  splitFrom: (string | null)[];
  /** Previous clusters nobody continues; absorbedBy is the rebuilt cluster holding most of their members (a merge), or null. */
  retired: { id: string; absorbedBy: number | null }[];
}

export interface MatchOptions {
  /** A pair counts as the same cluster from this Jaccard overlap … */
  minJaccard?: number;
  /** … or when this share of the previous cluster's members is in the rebuilt one. */
  minContainment?: number;
}

interface Pair {
  old: number;
  next: number;
  overlap: number;
  jaccard: number;
}

export function matchClusters(
  previous: readonly PreviousCluster[],
  rebuilt: readonly RebuiltCluster[],
  options: MatchOptions = {},
): ClusterMapping {
  const minJaccard = options.minJaccard ?? 0.2;
  const minContainment = options.minContainment ?? 0.5;
  const ownerOf = new Map<string, number>();
  previous.forEach((c, i) => c.memberIds.forEach((m) => ownerOf.set(m, i)));
  const overlaps: Map<number, number>[] = rebuilt.map((c) => {
    const counts = new Map<number, number>();
    for (const m of new Set(c.memberIds)) {
      const o = ownerOf.get(m);
      if (o !== undefined) counts.set(o, (counts.get(o) ?? 0) + 1);
    }
    return counts;
  });
  const oldSize = previous.map((c) => new Set(c.memberIds).size);
  const newSize = rebuilt.map((c) => new Set(c.memberIds).size);
  const pairs: Pair[] = [];
  overlaps.forEach((counts, next) => {
    for (const [old, overlap] of counts) pairs.push({ old, next, overlap, jaccard: overlap / (oldSize[old] + newSize[next] - overlap) });
  });
  pairs.sort(
    (a, b) =>
      b.jaccard - a.jaccard ||
      b.overlap - a.overlap ||
      (previous[a.old].id < previous[b.old].id ? -1 : previous[a.old].id > previous[b.old].id ? 1 : 0) ||
      a.next - b.next,
  );

  const continues: (string | null)[] = rebuilt.map(() => null);
  const oldTaken = new Array<boolean>(previous.length).fill(false);
  for (const p of pairs) {
    if (oldTaken[p.old] || continues[p.next] !== null) continue;
    if (p.jaccard < minJaccard && p.overlap / oldSize[p.old] < minContainment) continue;
    continues[p.next] = previous[p.old].id;
    oldTaken[p.old] = true;
  }

  const largest = <T>(items: T[], score: (t: T) => number, tie: (a: T, b: T) => number): T | undefined =>
    items.reduce<T | undefined>(
      (best, t) => (best === undefined || score(t) > score(best) || (score(t) === score(best) && tie(t, best) < 0) ? t : best),
      undefined,
    );
  const splitFrom = rebuilt.map((_, next) => {
    if (continues[next] !== null) return null;
    const best = largest(
      [...overlaps[next].entries()],
      ([, v]) => v,
      (a, b) => a[0] - b[0],
    );
    return best && best[1] * 2 >= newSize[next] ? previous[best[0]].id : null;
  });
  const retired = previous
    .map((c, old) => ({ c, old }))
    .filter(({ old }) => !oldTaken[old])
    .map(({ c, old }) => {
      const best = largest(
        overlaps.map((counts, next) => ({ next, v: counts.get(old) ?? 0 })).filter((x) => x.v > 0),
        (x) => x.v,
        (a, b) => a.next - b.next,
      );
      return { id: c.id, absorbedBy: best && best.v * 2 >= oldSize[old] ? best.next : null };
    });
  return { continues, splitFrom, retired };
}

/** A previous cluster as the service keeps it: a label people may have renamed. */
export interface NamedCluster extends PreviousCluster {
  label: string;
  /** True when a person set the label; a rebuild never overwrites it. */
  labelEdited: boolean;
}

export interface RebuiltNamedCluster extends RebuiltCluster {
  /** The engine's automatic label for the rebuilt cluster. */
  label: string;
}

export interface CarriedCluster {
  id: string;
  label: string;
  labelEdited: boolean;
  memberIds: readonly string[];
  /** The previous id this cluster continues, or null when new. */
  continuedFrom: string | null;
}

/**
 * Applies the mapping: continued clusters keep their id and, if a person named them, that name;
 * new clusters get an id from `newId` (called in rebuilt order, so a deterministic generator gives deterministic ids).
 */
export function carryOverClusters(
  previous: readonly NamedCluster[],
  rebuilt: readonly RebuiltNamedCluster[],
  newId: () => string,
  options?: MatchOptions,
): { clusters: CarriedCluster[]; mapping: ClusterMapping } {
  const mapping = matchClusters(previous, rebuilt, options);
  const byId = new Map(previous.map((c) => [c.id, c]));
  const clusters = rebuilt.map((c, i): CarriedCluster => {
    const oldId = mapping.continues[i];
    const old = oldId === null ? undefined : byId.get(oldId);
    if (!old) return { id: newId(), label: c.label, labelEdited: false, memberIds: c.memberIds, continuedFrom: null };
    return {
      id: old.id,
      label: old.labelEdited ? old.label : c.label,
      labelEdited: old.labelEdited,
      memberIds: c.memberIds,
      continuedFrom: old.id,
    };
  });
  return { clusters, mapping };
}
