/** Public surface of the text engine (pure TypeScript: no Nest, no database). */
export { normalize, type NormalizeOptions } from './normalize';
export {
  tokenize,
  analyze,
  stem,
  stopWordLanguage,
  processingLanguage,
  type TextLanguage,
  type AnalyzedText,
  type AnalyzedToken,
} from './tokenize';
export { detectLanguage, detectLanguageWithConfidence, type DetectedLanguage } from './language/detect-language';
export { stopWords, isStopWord, type StopWordLanguage } from './stopwords';
export {
  clusterTexts,
  assignText,
  UNCLUSTERED,
  DEFAULT_ENGINE_OPTIONS,
  type ClusterEngineOptions,
  type ClusterModel,
  type ClusteringResult,
  type ClusterSummary,
  type Assignment,
} from './engine';
export {
  matchClusters,
  carryOverClusters,
  type ClusterMapping,
  type PreviousCluster,
  type RebuiltCluster,
  type NamedCluster,
  type RebuiltNamedCluster,
  type CarriedCluster,
} from './match';
export { adjustedRandIndex, normalizedMutualInformation, purity, scoreClustering, type ClusteringScores } from './metrics';
export { baselineClusters } from './baseline';
export { encodeModel, decodeModel } from './model-codec';
