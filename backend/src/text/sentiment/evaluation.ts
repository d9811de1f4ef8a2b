/**
 * Scores used to judge sentiment, as the public Russian tweet evaluations (SentiRuEval) do:
 * macro-F1 over the positive and negative classes only, (F1_pos + F1_neg) / 2, plus plain accuracy.
 */
import type { SentimentLabel } from './analyze-sentiment';

export interface SentimentScores {
  macroF1PN: number;
  f1Positive: number;
  f1Negative: number;
  accuracy: number;
  count: number;
}

export function scoreSentiment(gold: readonly SentimentLabel[], predicted: readonly SentimentLabel[]): SentimentScores {
  if (gold.length !== predicted.length) throw new Error('gold and predicted differ in length');
  const f1 = (label: SentimentLabel): number => {
    let truePositive = 0;
    let goldCount = 0;
    let predictedCount = 0;
    for (let i = 0; i < gold.length; i++) {
      if (gold[i] === label) goldCount++;
      if (predicted[i] === label) predictedCount++;
      if (gold[i] === label && predicted[i] === label) truePositive++;
    }
    return goldCount + predictedCount === 0 ? 0 : (2 * truePositive) / (goldCount + predictedCount);
  };
  const f1Positive = f1(1);
  const f1Negative = f1(-1);
  const correct = gold.filter((label, i) => label === predicted[i]).length;
  return {
    macroF1PN: (f1Positive + f1Negative) / 2,
    f1Positive,
    f1Negative,
    accuracy: gold.length ? correct / gold.length : 0,
    count: gold.length,
  };
}

/** The trivial baseline the public evaluations quote: answer "negative" for everything. */
export function alwaysNegativeScores(gold: readonly SentimentLabel[]): SentimentScores {
  return scoreSentiment(
    gold,
    gold.map(() => -1 as const),
  );
}
