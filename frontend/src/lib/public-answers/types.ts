import type { paths } from '$lib/api/schema';

type JsonContent<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Responses<Op> = Op extends { responses: infer R } ? R : never;
type Success<Op> = JsonContent<Responses<Op>[Extract<keyof Responses<Op>, 200 | 201>]>;

type W = '/api/v1/workspaces/{workspaceId}/mentions';

export type PublicWorkflow = Success<paths[`${W}/{mentionId}/public-answer`]['get']>;
export type PublicAnswersReport = Success<paths[`${W}/public-answers/report`]['get']>;
export type PublicAnswersWeek = PublicAnswersReport['series'][number];

/** The stages in workflow order (the server's PUBLIC_STAGES). */
export const PUBLIC_STAGES = ['not_started', 'answered', 'investigating', 'findings_published', 'compensated'] as const;
export type PublicStage = (typeof PUBLIC_STAGES)[number];

/** A step's post as the forms send it. */
export interface PostInput {
  text: string;
  url: string | null;
  /** ISO instant, or undefined for now. */
  at?: string;
  revision: number;
}
