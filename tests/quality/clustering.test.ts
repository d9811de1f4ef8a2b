/**
 * Clustering quality, measured: the engine (not told k) against the plain baseline (TF-IDF + k-means
 * given the true k) on banking77 and on our own labelled sets in other domains and languages.
 */
import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { baselineClusters } from '../../backend/src/text/baseline';
import { clusterTexts } from '../../backend/src/text/engine';
import { scoreClustering } from '../../backend/src/text/metrics';

const here = dirname(fileURLToPath(import.meta.url));
const BANKING77 = resolve(here, '..', '..', '..', 'shared', 'data', 'banking77_train.csv');
const FIXTURES = join(here, '..', 'fixtures', 'clustering');

/** text/category rows; rows without either are dropped (banking77 has one broken multi-line record). */
function load(file: string): { texts: string[]; truth: string[] } {
  const rows = parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  const kept = rows.filter((r) => r.text?.trim() && r.category?.trim());
  return { texts: kept.map((r) => r.text), truth: kept.map((r) => r.category) };
}

function compare(file: string) {
  const { texts, truth } = load(file);
  const engine = clusterTexts(texts, { seed: 42 });
  const k = new Set(truth).size;
  const ours = scoreClustering(truth, Array.from(engine.assignments));
  const baseline = scoreClustering(truth, Array.from(baselineClusters(texts, k, 42)));
  console.log(`${file.split('/').pop()}: engine ${engine.clusters.length} clusters`, JSON.stringify(ours), `baseline k=${k}`, JSON.stringify(baseline));
  return { ours, baseline, clusters: engine.clusters.length, k };
}

describe('clustering quality', () => {
  const hasBanking = existsSync(BANKING77);
  it.skipIf(!hasBanking)(
    hasBanking ? 'beats TF-IDF + k-means (true k) on banking77 without being told k' : `SKIPPED: ${BANKING77} is missing (shared development set)`,
    () => {
      const { ours, baseline, clusters, k } = compare(BANKING77);
      expect(ours.ari).toBeGreaterThan(baseline.ari);
      expect(ours.nmi).toBeGreaterThan(baseline.nmi);
      expect(ours.ari).toBeGreaterThan(0.3);
      // The number of clusters it chose is in the right range (77 labels).
      expect(clusters).toBeGreaterThan(k / 2);
      expect(clusters).toBeLessThan(k * 2);
    },
    120_000,
  );

  for (const name of ['ru_marketplace_complaints.csv', 'en_telecom_complaints.csv']) {
    it(
      `reaches 1.5× the baseline ARI and beats its NMI on ${name}`,
      () => {
        const { ours, baseline } = compare(join(FIXTURES, name));
        expect(ours.ari).toBeGreaterThanOrEqual(1.5 * baseline.ari);
        expect(ours.nmi).toBeGreaterThan(baseline.nmi);
      },
      30_000,
    );
  }
});
