import type { paths } from '$lib/api/schema';

/* Types derived from the operations (see $lib/api/types.ts for why not from schema names). */
type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type P = paths;
type One = P['/api/v1/workspaces/{workspaceId}/surveys/{surveyId}/response-imports/{importId}'];

export type HistoryImport = Json<One['get']['responses'][200]>;
export type HistoryImportSummary = Json<
  P['/api/v1/workspaces/{workspaceId}/surveys/{surveyId}/response-imports']['get']['responses'][200]
>['items'][number];
export type HistoryImportError = HistoryImport['errors'][number];
