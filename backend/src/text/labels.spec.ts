import { describe, expect, it } from 'vitest';
import { labelClusters } from './labels';
import { analyze } from './tokenize';

describe('labelClusters', () => {
  it('labels each cluster by its distinctive words, in the surface form its texts use most', () => {
    const texts = [
      'Курьер опоздал с доставкой',
      'курьер опять опоздал',
      'доставка задерживается, курьер опоздал на час',
      'Верните деньги за возврат',
      'деньги за возврат не пришли',
      'где деньги за возврат товара',
    ].map((t) => analyze(t));
    const labels = labelClusters(texts, Int32Array.from([0, 0, 0, 1, 1, 1]), 2);
    // "курьер опоздал" is in all three texts of cluster 0 and nowhere else: the phrase wins over loose words.
    expect(labels[0].label).toBe('курьер опоздал');
    expect(labels[1].label).toBe('деньги за возврат');
    // The phrase covers both its words, so they are not repeated as keywords of their own.
    expect(labels[1].keywords[0]).toBe('деньги за возврат');
    expect(labels[1].keywords).not.toContain('деньги');
  });

  it('does not repeat a word inside a phrase label and ignores unclustered texts', () => {
    const texts = ['the app crashes', 'app crashes on login', 'app crashes again', 'random words here'].map((t) => analyze(t));
    const labels = labelClusters(texts, Int32Array.from([0, 0, 0, -1]), 1);
    expect(labels[0].label).toBe('app crashes');
    expect(labels[0].keywords).not.toContain('random');
  });

  it('never lists the same keyword twice (two stem pairs can read the same; the dashboard keys keywords by text)', () => {
    // A Cyrillic text guessed Russian is stemmed ("кутия"), one guessed Bulgarian is not ("кутията"): different
    // terms, the same words on screen. Seen in the demo story, where the repeated keyword blanked the Clusters page.
    const texts = [
      'В кутията липсваше сметаната.',
      'В кутията липсваше сосът.',
      'Пак. В кутията липсваше лаймът.',
      'Здравейте, в кутията липсваше сосът',
      'Честно, разочарована съм. В кутията липсваше пармезанът',
      'В кутията липсваше сметаната. Моля, оправете това.',
      'в ктията липсваше пармезанът.',
      'В кутията липсваше лаймът',
      'В кутията липсваше сметаната',
      'Пак. В кутията липсваше сметаната.',
      'random words here',
      'other words there',
      'more unrelated text',
    ].map((t) => analyze(t));
    const assignment = Int32Array.from(texts.map((_, i) => (i < 10 ? 0 : 1)));
    const labels = labelClusters(texts, assignment, 2);
    for (const { keywords } of labels) expect(new Set(keywords).size).toBe(keywords.length);
  });
});
