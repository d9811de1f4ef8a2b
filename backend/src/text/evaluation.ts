/**
 * One comparison, shared by the quality test and the bench: the engine (not told k) against the plain
 * baseline (TF-IDF + k-means given the true k) on labelled texts. The baseline is averaged over several
 * seeds, because on a few hundred short texts a single k-means seed swings its ARI by ±50%.
 */
import { baselineClusters, type TfidfOptions } from './baseline';
import { clusterTexts, type ClusteringResult } from './engine';
import { scoreClustering, type ClusteringScores } from './metrics';

export interface BaselineScores extends ClusteringScores {
  /** Seeds the mean is taken over, and each seed's scores. */
  seeds: number[];
  perSeed: ClusteringScores[];
  /** Wall-clock seconds of all the seeds together. */
  seconds: number;
}

export interface EngineComparison {
  texts: number;
  /** True number of labels (given to the baseline only). */
  labels: number;
  engine: ClusteringScores & { clusters: number; unclustered: number; seconds: number; cpuSeconds: number };
  baseline: BaselineScores;
  /** Engine ARI / mean baseline ARI. */
  ariRatio: number;
  result: ClusteringResult;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** The baseline's mean scores over the given seeds (each seed a full scikit-learn-style n_init=10 run). */
export function baselineScores(
  texts: readonly string[],
  truth: readonly string[],
  seeds: readonly number[],
  tfidf?: Partial<TfidfOptions>,
): BaselineScores {
  const k = new Set(truth).size;
  const started = performance.now();
  const perSeed = seeds.map((seed) => scoreClustering(truth, Array.from(baselineClusters(texts, k, seed, { tfidf }))));
  return {
    ari: mean(perSeed.map((s) => s.ari)),
    nmi: mean(perSeed.map((s) => s.nmi)),
    purity: mean(perSeed.map((s) => s.purity)),
    seeds: [...seeds],
    perSeed,
    seconds: (performance.now() - started) / 1000,
  };
}

export function compareWithBaseline(
  texts: readonly string[],
  truth: readonly string[],
  options: { seed?: number; baselineSeeds?: readonly number[] } = {},
): EngineComparison {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = clusterTexts(texts, { seed: options.seed ?? 42 });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const engine = scoreClustering(truth, Array.from(result.assignments));
  const baseline = baselineScores(texts, truth, options.baselineSeeds ?? [42]);
  return {
    texts: texts.length,
    labels: new Set(truth).size,
    engine: {
      ...engine,
      clusters: result.clusters.length,
      unclustered: result.assignments.filter((c) => c < 0).length,
      seconds,
      cpuSeconds: (used.user + used.system) / 1e6,
    },
    baseline,
    ariRatio: engine.ari / baseline.ari,
    result,
  };
}
