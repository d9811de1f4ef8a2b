import { api, unwrap } from '$lib/api/client';
import type { HistoryImport, HistoryImportSummary } from './types';

const BASE = '/api/v1/workspaces/{workspaceId}/surveys/{surveyId}/response-imports' as const;

/** Sends the CSV as multipart/form-data (field "file"); the server reads it and suggests a mapping. */
export function uploadHistory(workspaceId: string, surveyId: string, file: File): Promise<HistoryImport> {
  const form = new FormData();
  form.append('file', file, file.name);
  return unwrap(
    api.POST(BASE, {
      params: { path: { workspaceId, surveyId } },
      // openapi-fetch sends FormData as it is; the browser sets the multipart boundary.
      body: form as unknown as { file: string },
    }),
  );
}

export function getHistoryImport(workspaceId: string, surveyId: string, importId: string): Promise<HistoryImport> {
  return unwrap(api.GET(`${BASE}/{importId}`, { params: { path: { workspaceId, surveyId, importId } } }));
}

export async function listHistoryImports(workspaceId: string, surveyId: string): Promise<HistoryImportSummary[]> {
  return (await unwrap(api.GET(BASE, { params: { path: { workspaceId, surveyId } } }))).items;
}

export function startHistoryImport(
  workspaceId: string,
  surveyId: string,
  importId: string,
  mapping: string[],
  createCases: boolean,
): Promise<HistoryImport> {
  return unwrap(
    api.POST(`${BASE}/{importId}/start`, { params: { path: { workspaceId, surveyId, importId } }, body: { mapping, createCases } }),
  );
}
