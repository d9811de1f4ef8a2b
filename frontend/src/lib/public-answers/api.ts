import { api, unwrap } from '$lib/api/client';
import type { PostInput, PublicAnswersReport, PublicWorkflow } from './types';

const W = '/api/v1/workspaces/{workspaceId}/mentions' as const;
const on = (workspaceId: string, mentionId: string) => ({ path: { workspaceId, mentionId } });

export function getPublicWorkflow(workspaceId: string, mentionId: string): Promise<PublicWorkflow> {
  return unwrap(api.GET(`${W}/{mentionId}/public-answer`, { params: on(workspaceId, mentionId) }));
}

export function saveAnswer(workspaceId: string, mentionId: string, input: PostInput): Promise<PublicWorkflow> {
  const body = { text: input.text, url: input.url, revision: input.revision, ...(input.at ? { answeredAt: input.at } : {}) };
  return unwrap(api.PUT(`${W}/{mentionId}/public-answer`, { params: on(workspaceId, mentionId), body }));
}

export function saveFindings(workspaceId: string, mentionId: string, input: PostInput): Promise<PublicWorkflow> {
  const body = { text: input.text, url: input.url, revision: input.revision, ...(input.at ? { findingsAt: input.at } : {}) };
  return unwrap(api.PUT(`${W}/{mentionId}/public-answer/findings`, { params: on(workspaceId, mentionId), body }));
}

export function clearAnswer(workspaceId: string, mentionId: string, revision: number): Promise<PublicWorkflow> {
  return unwrap(api.DELETE(`${W}/{mentionId}/public-answer`, { params: { ...on(workspaceId, mentionId), query: { revision } } }));
}

export function clearFindings(workspaceId: string, mentionId: string, revision: number): Promise<PublicWorkflow> {
  return unwrap(api.DELETE(`${W}/{mentionId}/public-answer/findings`, { params: { ...on(workspaceId, mentionId), query: { revision } } }));
}

export function openMentionCase(workspaceId: string, mentionId: string): Promise<PublicWorkflow> {
  return unwrap(api.POST(`${W}/{mentionId}/case`, { params: on(workspaceId, mentionId) }));
}

export function publicAnswersReport(
  workspaceId: string,
  query: { from: string; to: string; timeZone: string },
): Promise<PublicAnswersReport> {
  return unwrap(api.GET(`${W}/public-answers/report`, { params: { path: { workspaceId }, query } }));
}

/** The report's CSV for the same period (a plain link: the browser downloads it with the session cookie). */
export function publicAnswersCsvHref(workspaceId: string, query: { from: string; to: string; timeZone: string }): string {
  return `/api/v1/workspaces/${workspaceId}/mentions/public-answers/report.csv?${new URLSearchParams(query).toString()}`;
}
