/**
 * Importance–satisfaction analysis. Importance is derived, not asked: a parameter's Pearson correlation with the
 * overall score (parameters that move with overall satisfaction matter more to it). Satisfaction is the parameter's
 * mean. Each axis is split at the MEDIAN of the parameters that have both figures, so the quadrants compare
 * parameters with each other (a fixed midpoint would put every parameter of a well-liked shop in one quadrant).
 * A value equal to the median counts as high.
 */
export const QUADRANTS = ['fix_first', 'keep_up', 'low_priority', 'overdelivering'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export interface QuadrantInput {
  id: string;
  /** Importance: Pearson's r with the overall score. */
  correlation: number | null;
  /** Satisfaction: mean rating. */
  mean: number | null;
}

export interface QuadrantSplit {
  importance: number | null;
  satisfaction: number | null;
  quadrants: Map<string, Quadrant | null>;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function quadrantOf(correlation: number, mean: number, importance: number, satisfaction: number): Quadrant {
  const important = correlation >= importance;
  const satisfied = mean >= satisfaction;
  if (important) return satisfied ? 'keep_up' : 'fix_first';
  return satisfied ? 'overdelivering' : 'low_priority';
}

/** The median splits and each parameter's quadrant (null when it lacks a correlation or a mean). */
export function splitQuadrants(items: readonly QuadrantInput[]): QuadrantSplit {
  const complete = items.filter((i) => i.correlation !== null && i.mean !== null) as { id: string; correlation: number; mean: number }[];
  const importance = median(complete.map((i) => i.correlation));
  const satisfaction = median(complete.map((i) => i.mean));
  const quadrants = new Map<string, Quadrant | null>(items.map((i) => [i.id, null]));
  if (importance !== null && satisfaction !== null && complete.length >= 2) {
    for (const i of complete) quadrants.set(i.id, quadrantOf(i.correlation, i.mean, importance, satisfaction));
  }
  return { importance, satisfaction, quadrants };
}
