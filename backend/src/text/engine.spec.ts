import { describe, expect, it } from 'vitest';
import { assignText, clusterTexts, UNCLUSTERED } from './engine';
import { scoreClustering } from './metrics';
import { decodeModel, encodeModel } from './model-codec';

const TOPICS: Record<string, string[]> = {
  refund: [
    'My refund has not arrived yet',
    'Still waiting for my refund',
    'When will I get my money back for the return?',
    'Refund for returned shoes missing',
    'I returned the item, where is my refund?',
    'money back for my return still not here',
    'refund not received after two weeks',
    'please refund my money for the cancelled order',
    'the refund for my return is late',
    'I want my money back, refund still pending',
  ],
  courier: [
    'Курьер опять опоздал на три часа',
    'курьер не приехал, доставка задерживается',
    'доставка опоздала на два дня',
    'где курьер? доставка задерживается',
    'курьер опоздал и не позвонил',
    'доставку перенесли, курьер опаздывает',
    'Курьер опоздал с доставкой',
    'опять задерживается доставка заказа',
    'курьер приехал с опозданием на час',
    'доставка снова опаздывает, курьера нет',
  ],
  app: [
    'The app crashes when I log in',
    'app keeps crashing after the update',
    'cannot log in, the app crashes',
    'login fails and the app freezes',
    'the mobile app crashes on startup',
    'app crash every time I open the basket',
    'the app froze and crashed',
    'log in screen crashes the app',
    'after update the app crashes',
    'app crashes when I try to log in',
  ],
};
const texts = Object.values(TOPICS).flat();
const truth = Object.entries(TOPICS).flatMap(([topic, list]) => list.map(() => topic));

describe('clusterTexts', () => {
  it('finds the topics without being told how many there are, with labels in the texts’ language', () => {
    const result = clusterTexts(texts, { seed: 7 });
    expect(result.clusters).toHaveLength(3);
    expect(scoreClustering(truth, Array.from(result.assignments)).ari).toBe(1);
    const byTopic = (topic: string) => result.clusters[result.assignments[truth.indexOf(topic)]];
    expect(byTopic('courier').language).toBe('ru');
    expect(byTopic('courier').label).toMatch(/курьер|доставк/);
    expect(byTopic('app').label).toContain('app');
    expect(byTopic('refund').keywords).toContain('refund');
    for (const c of result.clusters) {
      expect(c.size).toBe(10);
      expect(c.examples.length).toBeGreaterThan(0);
      for (const e of c.examples) expect(result.assignments[e]).toBe(c.index);
    }
  });

  it('is deterministic for the same input and seed', () => {
    const a = clusterTexts(texts, { seed: 11 });
    const b = clusterTexts(texts, { seed: 11 });
    expect(Array.from(a.assignments)).toEqual(Array.from(b.assignments));
    expect(a.clusters).toEqual(b.clusters);
    expect(Array.from(a.model.centroids)).toEqual(Array.from(b.model.centroids));
  });

  it('leaves texts with nothing to compare unclustered', () => {
    const result = clusterTexts([...texts, '', '12345 !!!', '😡😡😡'], { seed: 7 });
    expect(Array.from(result.assignments.slice(-3))).toEqual([UNCLUSTERED, UNCLUSTERED, UNCLUSTERED]);
  });

  it('finds the same topics with shared-neighbour edge weights', () => {
    const result = clusterTexts(texts, { seed: 7, graphWeighting: 'snn' });
    expect(scoreClustering(truth, Array.from(result.assignments)).ari).toBe(1);
  });

  it('copes with tiny inputs', () => {
    expect(clusterTexts([]).clusters).toEqual([]);
    expect(Array.from(clusterTexts(['one text only']).assignments)).toEqual([UNCLUSTERED]);
  });
});

describe('assignText', () => {
  const result = clusterTexts(texts, { seed: 7 });
  const clusterOf = (topic: string) => result.assignments[truth.indexOf(topic)];

  it('puts a new text into the nearest existing cluster', () => {
    expect(assignText(result.model, 'my refund never came back').cluster).toBe(clusterOf('refund'));
    expect(assignText(result.model, 'курьер опоздал с заказом').cluster).toBe(clusterOf('courier'));
    expect(assignText(result.model, 'the app crashes on login again').cluster).toBe(clusterOf('app'));
  });

  it('leaves a text that fits nowhere unclustered', () => {
    expect(assignText(result.model, 'zzqx blorp').cluster).toBe(UNCLUSTERED);
    expect(assignText(result.model, '').cluster).toBe(UNCLUSTERED);
  });

  it('assigns exactly as the training run placed the same text', () => {
    texts.forEach((t, i) => expect(assignText(result.model, t).cluster).toBe(result.assignments[i]));
  });
});

describe('model codec', () => {
  it('round-trips a model through bytes and assigns exactly as before', () => {
    const result = clusterTexts(texts, { seed: 7 });
    const bytes = encodeModel(result.model);
    // Decoding from an unaligned copy must work too (database drivers hand out such buffers).
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const model = decodeModel(shifted.subarray(3));
    expect(model.clusterCount).toBe(3);
    for (const t of [...texts, 'my refund never came back', 'курьер опоздал с заказом', 'zzqx blorp']) {
      expect(assignText(model, t)).toEqual(assignText(result.model, t));
    }
  });
});
