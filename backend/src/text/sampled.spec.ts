import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { clusterTexts, UNCLUSTERED } from './engine';
import { featureKeys, vectorize, vectorizeAnalyzed } from './features';
import { analyze } from './tokenize';
import { ClusterPlacer, clusterTextsSampled, samplePositions, TO_PLACE } from './sampled';

const rows: { text: string }[] = parse(readFileSync(join(__dirname, '../../../tests/fixtures/clustering/en_telecom_complaints.csv')), {
  columns: true,
  bom: true,
});
const texts = rows.map((r) => r.text);

describe('samplePositions', () => {
  it('takes exactly `size` evenly spread positions, or every one when there are few', () => {
    expect(Array.from(samplePositions(10, 4))).toEqual([0, 3, 5, 8]);
    expect(Array.from(samplePositions(3, 5))).toEqual([0, 1, 2]);
    expect(samplePositions(100_003, 20_000)).toHaveLength(20_000);
  });
});

describe('vectorizeAnalyzed', () => {
  it('gives exactly the vector of vectorize(featureKeys(text)), cached words or not', () => {
    const { model } = clusterTexts(texts.slice(0, 120), { seed: 42 });
    const cache = new Map<string, Int32Array>();
    for (const text of [...texts, "I can't pay, can't log in: not working!", 'Курьер не приехал', '']) {
      const analyzed = analyze(text);
      const expected = vectorize(featureKeys(analyzed, model.vocabulary.options), model.vocabulary);
      expect(vectorizeAnalyzed(analyzed, model.vocabulary, cache)).toEqual(expected);
      expect(vectorizeAnalyzed(analyzed, model.vocabulary, cache)).toEqual(expected);
    }
  });
});

describe('clusterTextsSampled', () => {
  it('is the plain engine up to the sample size', () => {
    expect(clusterTextsSampled(texts, { seed: 42, sampleSize: texts.length })).toEqual(clusterTexts(texts, { seed: 42 }));
  });

  it('above it: the sample keeps the fit, every other text goes to its nearest centre, the same every time', () => {
    const result = clusterTextsSampled(texts, { seed: 42, sampleSize: 120, batchSize: 50 });
    const positions = samplePositions(texts.length, 120);
    const fit = clusterTexts(
      Array.from(positions, (p) => texts[p]),
      { seed: 42 },
    );
    positions.forEach((p, s) => expect(result.assignments[p]).toBe(fit.assignments[s]));
    expect(result.model).toEqual(fit.model);
    expect(result.clusters.map((c) => c.label)).toEqual(fit.clusters.map((c) => c.label));
    // Sizes count every text; examples are the most central members, in positions of the whole list.
    const sizes = new Map<number, number>();
    result.assignments.forEach((c) => c !== UNCLUSTERED && sizes.set(c, (sizes.get(c) ?? 0) + 1));
    for (const c of result.clusters) {
      expect(c.size).toBe(sizes.get(c.index));
      expect(c.examples.length).toBe(Math.min(5, c.size));
      for (const e of c.examples) expect(result.assignments[e]).toBe(c.index);
    }
    expect(clusterTextsSampled(texts, { seed: 42, sampleSize: 120, batchSize: 77 })).toEqual(result);
  });

  it('places a repeated text the same way, and keeps a sample text the fit left out unclustered', () => {
    const fit = clusterTexts(texts.slice(0, 150), { seed: 42 });
    const placer = new ClusterPlacer(fit);
    const again = placer.place([texts[3], texts[3], texts[3]], Int32Array.from([TO_PLACE, TO_PLACE, UNCLUSTERED]));
    expect(again.assignments[0]).toBe(again.assignments[1]);
    expect(again.similarities[0]).toBe(again.similarities[1]);
    expect(again.assignments[2]).toBe(UNCLUSTERED);
    expect(placer.count).toBe(3);
  });

  it('keeps its caches bounded in characters whatever the texts: long unique "words" (security finding 7)', () => {
    const fit = clusterTexts(texts.slice(0, 150), { seed: 42 });
    const placer = new ClusterPlacer(fit);
    const alphabet = 'абвгдежзийклмнопрстуфхцчшщэюя';
    // 2,000 distinct one-word texts of 5,000 letters (the longest answer): 10 M characters of text alone.
    const hostile = Array.from({ length: 2_000 }, (_, i) =>
      Array.from({ length: 5_000 }, (_, j) => alphabet[(i * 7 + j * 13 + ((j * j) % 17) + Math.floor(j / 29) * i) % alphabet.length]).join(
        '',
      ),
    );
    let most = 0;
    for (let start = 0; start < hostile.length; start += 250) {
      placer.place(hostile.slice(start, start + 250));
      most = Math.max(most, placer.cachedChars);
    }
    expect(most).toBeLessThanOrEqual(16_000_000);
    // What is cached changes nothing: the same answers as a placer that has seen nothing, real texts included.
    const mixed = [...texts.slice(150, 200), ...hostile.slice(0, 5), texts[151]];
    expect(placer.place(mixed)).toEqual(new ClusterPlacer(fit).place(mixed));
  }, 120_000);
});
