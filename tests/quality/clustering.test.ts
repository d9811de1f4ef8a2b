/**
 * Clustering quality, measured: the engine (not told k) against the plain baseline (scikit-learn-style
 * TF-IDF + k-means, n_init=10, given the true k) on banking77 and on our own labelled sets in other domains
 * and languages. Own sets: tuning sets beside this file's fixtures, and held-out sets (fixtures/clustering/holdout/
 * and holdout2/) that were written before a tuning round and only scored at its end.
 */
import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareWithBaseline } from '@otklik/backend/src/text/evaluation';

const here = dirname(fileURLToPath(import.meta.url));
const BANKING77 = resolve(here, '..', '..', '..', 'shared', 'data', 'banking77_train.csv');
const FIXTURES = join(here, '..', 'fixtures', 'clustering');
/** Small sets: a single k-means seed is too noisy to be the yardstick, so the baseline is the mean of five. */
const OWN_SET_BASELINE_SEEDS = [42, 1, 2, 3, 4];
const OWN_SETS = [
  'ru_marketplace_complaints.csv',
  'en_telecom_complaints.csv',
  'holdout/ru_food_delivery_social.csv',
  'holdout/en_streaming_app_social.csv',
  // Written before the second tuning round and first scored after it (see the fixtures README).
  'holdout2/ru_bank_app_social.csv',
  'holdout2/en_ride_hailing_social.csv',
];

/** text/category rows; rows without either are dropped (banking77 has one broken multi-line record). */
function load(file: string): { texts: string[]; truth: string[] } {
  const rows = parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }) as Record<
    string,
    string
  >[];
  const kept = rows.filter((r) => r.text?.trim() && r.category?.trim());
  return { texts: kept.map((r) => r.text), truth: kept.map((r) => r.category) };
}

function compare(file: string, baselineSeeds: number[]) {
  const { texts, truth } = load(file);
  const c = compareWithBaseline(texts, truth, { seed: 42, baselineSeeds });
  const round = (x: number) => Math.round(x * 1000) / 1000;
  console.log(
    `${file.split('/').slice(-2).join('/')}: engine ${c.engine.clusters} clusters ARI ${round(c.engine.ari)} NMI ${round(c.engine.nmi)};` +
      ` baseline k=${c.labels} ARI ${round(c.baseline.ari)} NMI ${round(c.baseline.nmi)} (mean of seeds ${c.baseline.seeds.join(',')}); ratio ${round(c.ariRatio)}`,
  );
  return c;
}

describe('clustering quality', () => {
  const hasBanking = existsSync(BANKING77);
  it.skipIf(!hasBanking)(
    hasBanking
      ? 'beats TF-IDF + k-means (true k) on banking77 without being told k'
      : `SKIPPED: ${BANKING77} is missing (shared development set)`,
    () => {
      const c = compare(BANKING77, [42]);
      // The baseline itself lands where scikit-learn does (0.18–0.19 ARI over seeds); a broken baseline fails here.
      expect(c.baseline.ari).toBeGreaterThan(0.15);
      expect(c.baseline.ari).toBeLessThan(0.23);
      expect(c.engine.ari).toBeGreaterThan(1.5 * c.baseline.ari);
      expect(c.engine.nmi).toBeGreaterThan(c.baseline.nmi);
      // The number of clusters it chose is in the right range (77 labels).
      expect(c.engine.clusters).toBeGreaterThan(c.labels / 2);
      expect(c.engine.clusters).toBeLessThan(c.labels * 2);
    },
    300_000,
  );

  for (const name of OWN_SETS) {
    it(`reaches 1.5× the baseline ARI and beats its NMI on ${name}`, () => {
      const c = compare(join(FIXTURES, name), OWN_SET_BASELINE_SEEDS);
      expect(c.engine.ari).toBeGreaterThanOrEqual(1.5 * c.baseline.ari);
      expect(c.engine.nmi).toBeGreaterThan(c.baseline.nmi);
      // Not told k, it still lands within a factor of two of the true number of topics.
      expect(c.engine.clusters).toBeGreaterThanOrEqual(Math.floor(c.labels / 2));
      expect(c.engine.clusters).toBeLessThanOrEqual(c.labels * 2);
    }, 60_000);
  }
});
