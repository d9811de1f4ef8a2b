import type { components } from '$lib/api/schema';

type S = components['schemas'];

export type Cluster = S['ClusterDto'];
export type ClusterDetail = S['ClusterDetailDto'];
export type ClusterList = S['ClusterListDto'];
export type ClusterRun = S['RunDto'];
export type ClusterText = S['FeedbackTextDto'];
export type ClusterTextPage = S['ClusterTextPageDto'];
export type ClusterAlert = S['ClusterAlertDto'];
export type CountRow = S['CountDto'];
export type ChurnReason = S['ReasonDto'];
export type TrendInterval = 'day' | 'week' | 'month';
export type ClusterQuestion = S['ClusterQuestionDto'];

/** Filters every clusters query shares (source, touchpoint, language, period). */
export interface ClusterQuery {
  source?: string[];
  touchpoint?: string[];
  /** Survey question ids: only open answers to these questions. */
  question?: string[];
  language?: string[];
  from?: string;
  to?: string;
}
