// natural ships no declaration for its analyzer's own module file; we import that file alone (see english-lexicon.ts).
declare module 'natural/lib/natural/sentiment/SentimentAnalyzer' {
  export default class SentimentAnalyzer {
    constructor(language: string, stemmer: null, type: 'afinn');
    /** Word (or short phrase) → AFINN valence, -5..5. */
    vocabulary: Record<string, number>;
  }
}
