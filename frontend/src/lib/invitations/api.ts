import { api, unwrap } from '$lib/api/client';
import type { paths } from '$lib/api/schema';

const SENDS = '/api/v1/workspaces/{workspaceId}/surveys/{surveyId}/sends' as const;

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
export type Send = Json<paths[typeof SENDS]['get']['responses'][200]>[number];
export type SendStats = Send['stats'];
export type NewSend = NonNullable<paths[typeof SENDS]['post']['requestBody']>['content']['application/json'];
export type CreatedSend = Json<paths[typeof SENDS]['post']['responses'][201]>;
export type SendPreview = Json<paths['/api/v1/workspaces/{workspaceId}/surveys/{surveyId}/sends/preview']['get']['responses'][200]>;
export type TestSent = Json<paths['/api/v1/workspaces/{workspaceId}/surveys/{surveyId}/sends/test']['post']['responses'][202]>;

/** The newest `limit` sends (the list is paged on the server). */
export const listSends = (workspaceId: string, surveyId: string, limit: number) =>
  unwrap(api.GET(SENDS, { params: { path: { workspaceId, surveyId }, query: { limit } } }));

export const createSend = (workspaceId: string, surveyId: string, body: NewSend) =>
  unwrap(api.POST(SENDS, { params: { path: { workspaceId, surveyId } }, body }));

export const previewSend = (workspaceId: string, surveyId: string, language: string, signal?: AbortSignal) =>
  unwrap(api.GET(`${SENDS}/preview`, { params: { path: { workspaceId, surveyId }, query: { language } }, signal }));

export const testSend = (workspaceId: string, surveyId: string, language: string) =>
  unwrap(api.POST(`${SENDS}/test`, { params: { path: { workspaceId, surveyId } }, body: { language } }));

export const stopSend = (workspaceId: string, surveyId: string, sendId: string) =>
  unwrap(api.POST(`${SENDS}/{sendId}/stop`, { params: { path: { workspaceId, surveyId, sendId } } }));
