import type { paths } from '$lib/api/schema';

/* Import types derived from the operations (see $lib/api/types.ts for why not from schema names). */
type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type P = paths;

export type CustomerImport = Json<P['/api/v1/workspaces/{workspaceId}/customer-imports/{importId}']['get']['responses'][200]>;
export type ImportSummary = Json<P['/api/v1/workspaces/{workspaceId}/customer-imports']['get']['responses'][200]>['items'][number];
export type ImportValidation = Json<P['/api/v1/workspaces/{workspaceId}/customer-imports/{importId}/validate']['post']['responses'][200]>;
export type ImportRowError = ImportValidation['errors'][number];
export type ImportErrorPage = Json<P['/api/v1/workspaces/{workspaceId}/customer-imports/{importId}/errors']['get']['responses'][200]>;
export type ImportStatus = CustomerImport['status'];
