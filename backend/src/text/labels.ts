/**
 * Cluster labels: class-based TF-IDF (a term scores high when many of the cluster's texts use it and few
 * texts elsewhere do), turned back from stems into the surface form the cluster's own texts use most.
 */
import { isNegation } from './stopwords';
import type { AnalyzedText } from './tokenize';

export interface ClusterLabel {
  label: string;
  keywords: string[];
}

interface TermStats {
  docs: number;
  surfaces: Map<string, number>;
}

function termsOf(text: AnalyzedText): Map<string, string> {
  // key (stem or "stem stem") → surface form in this text (first occurrence).
  const terms = new Map<string, string>();
  const t = text.tokens;
  for (let i = 0; i < t.length; i++) {
    // A negation is no label on its own, nor at the end of a phrase ("refund not"); "not working" is fine.
    const negation = isNegation(t[i].surface);
    if (!negation && !terms.has(t[i].stem) && !/^\d+$/.test(t[i].stem)) terms.set(t[i].stem, t[i].surface);
    if (i > 0 && !negation && t[i - 1].stem !== t[i].stem) {
      const k = `${t[i - 1].stem} ${t[i].stem}`;
      // The phrase as written, with up to two short words that were skipped in between ("деньги за возврат").
      const gap = t[i].position - t[i - 1].position;
      const surface = gap <= 3 ? text.words.slice(t[i - 1].position, t[i].position + 1).join(' ') : `${t[i - 1].surface} ${t[i].surface}`;
      if (!terms.has(k)) terms.set(k, surface);
    }
  }
  return terms;
}

function mostCommon(counts: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [s, c] of counts) if (c > bestCount || (c === bestCount && s < best)) [best, bestCount] = [s, c];
  return best;
}

/**
 * Labels for every cluster (assignment -1 = unclustered, ignored). Deterministic: ties break by term.
 */
export function labelClusters(
  texts: readonly AnalyzedText[],
  assignment: Int32Array,
  clusterCount: number,
  keywordCount = 8,
): ClusterLabel[] {
  const perCluster: Map<string, TermStats>[] = Array.from({ length: clusterCount }, () => new Map());
  const globalDf = new Map<string, number>();
  const sizes = new Int32Array(clusterCount);
  let clustered = 0;
  texts.forEach((text, i) => {
    const c = assignment[i];
    const terms = termsOf(text);
    for (const k of terms.keys()) globalDf.set(k, (globalDf.get(k) ?? 0) + 1);
    if (c < 0) return;
    sizes[c]++;
    clustered++;
    const stats = perCluster[c];
    for (const [k, surface] of terms) {
      let s = stats.get(k);
      if (!s) stats.set(k, (s = { docs: 0, surfaces: new Map() }));
      s.docs++;
      s.surfaces.set(surface, (s.surfaces.get(surface) ?? 0) + 1);
    }
  });
  const average = clustered / Math.max(1, clusterCount);
  return perCluster.map((stats, c) => {
    const scored = [...stats.entries()]
      .filter(([, s]) => s.docs >= 2 || sizes[c] < 4)
      .map(([k, s]) => {
        // Bigrams get a small bonus: a phrase reads better than two loose words when it is as frequent.
        const bonus = k.includes(' ') ? 1.15 : 1;
        return { key: k, surface: mostCommon(s.surfaces), score: bonus * (s.docs / sizes[c]) * Math.log(1 + average / globalDf.get(k)!) };
      })
      .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const keywords: string[] = [];
    const covered = new Set<string>();
    for (const term of scored) {
      if (keywords.length >= keywordCount) break;
      const parts = term.key.split(' ');
      // Skip a word already shown inside a chosen phrase, and a phrase whose words are both shown.
      if (parts.length === 1 ? covered.has(parts[0]) : parts.every((p) => covered.has(p))) continue;
      // Two terms can read the same: a Cyrillic text guessed Russian is stemmed, one guessed Bulgarian is not.
      if (keywords.includes(term.surface)) continue;
      keywords.push(term.surface);
      parts.forEach((p) => covered.add(p));
    }
    return { label: labelFrom(keywords), keywords };
  });
}

/** The top keyword, or the top two; a phrase that contains the other keyword stands alone ("app crashes", not "app, app crashes"). */
function labelFrom(keywords: string[]): string {
  if (keywords.length === 0) return '';
  const [first, second] = keywords;
  if (second === undefined) return first;
  const words = (s: string): string[] => s.split(' ');
  if (words(second).includes(first) && second.includes(' ')) return second;
  if (words(first).includes(second) || first.includes(' ')) return first;
  return `${first}, ${second}`;
}
