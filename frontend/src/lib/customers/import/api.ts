import { api, unwrap } from '$lib/api/client';
import type { CustomerImport, ImportErrorPage, ImportSummary, ImportValidation } from './types';

const BASE = '/api/v1/workspaces/{workspaceId}/customer-imports' as const;

/** Sends the file as multipart/form-data (field "file"); the server parses it and suggests a mapping. */
export function uploadImport(workspaceId: string, file: File): Promise<CustomerImport> {
  const form = new FormData();
  form.append('file', file, file.name);
  return unwrap(
    api.POST(BASE, {
      params: { path: { workspaceId } },
      // openapi-fetch sends FormData as it is; the browser sets the multipart boundary.
      body: form as unknown as { file: string },
    }),
  );
}

export function getImport(workspaceId: string, importId: string): Promise<CustomerImport> {
  return unwrap(api.GET(`${BASE}/{importId}`, { params: { path: { workspaceId, importId } } }));
}

export async function listImports(workspaceId: string): Promise<ImportSummary[]> {
  return (await unwrap(api.GET(BASE, { params: { path: { workspaceId } } }))).items;
}

/** Checks a mapping against the first `rows` rows (all when omitted) without importing anything. */
export function validateImport(workspaceId: string, importId: string, mapping: string[], rows?: number): Promise<ImportValidation> {
  return unwrap(
    api.POST(`${BASE}/{importId}/validate`, {
      params: { path: { workspaceId, importId } },
      body: rows === undefined ? { mapping } : { mapping, rows },
    }),
  );
}

export async function startImport(workspaceId: string, importId: string, mapping: string[]): Promise<void> {
  await unwrap(api.POST(`${BASE}/{importId}/start`, { params: { path: { workspaceId, importId } }, body: { mapping } }));
}

export function importErrors(workspaceId: string, importId: string, limit = 100): Promise<ImportErrorPage> {
  return unwrap(api.GET(`${BASE}/{importId}/errors`, { params: { path: { workspaceId, importId }, query: { limit, offset: 0 } } }));
}

export function errorsCsvHref(workspaceId: string, importId: string): string {
  return `/api/v1/workspaces/${workspaceId}/customer-imports/${importId}/errors.csv`;
}
