import { api, unwrap } from '$lib/api/client';
import type { Member } from '$lib/api/types';
import type {
  CreatedIngestKey,
  CsvImportResult,
  CsvPreview,
  IngestKey,
  Interval,
  MentionDetail,
  MentionPage,
  MentionQuery,
  MentionStats,
  SpikeAlert,
  SpikeSettings,
} from './types';

const W = '/api/v1/workspaces/{workspaceId}/mentions' as const;
const at = (workspaceId: string) => ({ path: { workspaceId } });

export function listMentions(workspaceId: string, query: MentionQuery): Promise<MentionPage> {
  return unwrap(api.GET(W, { params: { ...at(workspaceId), query } }));
}

export function mentionStats(
  workspaceId: string,
  query: { from: string; to: string; timeZone: string; interval: Interval; source?: string[]; segmentId?: string },
): Promise<MentionStats> {
  return unwrap(api.GET(`${W}/stats`, { params: { ...at(workspaceId), query } }));
}

export function getMention(workspaceId: string, mentionId: string): Promise<MentionDetail> {
  return unwrap(api.GET(`${W}/{mentionId}`, { params: { path: { workspaceId, mentionId } } }));
}

export function updateMention(
  workspaceId: string,
  mentionId: string,
  body: { assignedTo?: string | null; answered?: boolean; customerId?: string | null },
): Promise<MentionDetail> {
  return unwrap(api.PATCH(`${W}/{mentionId}`, { params: { path: { workspaceId, mentionId } }, body }));
}

export function listMembers(workspaceId: string): Promise<Member[]> {
  return unwrap(api.GET('/api/v1/workspaces/{workspaceId}/members', { params: at(workspaceId) }));
}

export function spikeAlerts(workspaceId: string): Promise<SpikeAlert[]> {
  return unwrap(api.GET(`${W}/alerts`, { params: at(workspaceId) }));
}

export function spikeSettings(workspaceId: string): Promise<SpikeSettings> {
  return unwrap(api.GET(`${W}/settings`, { params: at(workspaceId) }));
}

export function saveSpikeSettings(workspaceId: string, body: SpikeSettings): Promise<SpikeSettings> {
  return unwrap(api.PUT(`${W}/settings`, { params: at(workspaceId), body }));
}

export function ingestKeys(workspaceId: string): Promise<IngestKey[]> {
  return unwrap(api.GET(`${W}/ingest-keys`, { params: at(workspaceId) }));
}

export function createIngestKey(workspaceId: string, name: string): Promise<CreatedIngestKey> {
  return unwrap(api.POST(`${W}/ingest-keys`, { params: at(workspaceId), body: { name } }));
}

export async function revokeIngestKey(workspaceId: string, keyId: string): Promise<void> {
  await unwrap(api.DELETE(`${W}/ingest-keys/{keyId}`, { params: { path: { workspaceId, keyId } } }));
}

/** Multipart uploads: openapi-fetch sends FormData as it is and the browser sets the boundary. */
export function previewCsv(workspaceId: string, file: File): Promise<CsvPreview> {
  const form = new FormData();
  form.append('file', file, file.name);
  return unwrap(api.POST(`${W}/csv/preview`, { params: at(workspaceId), body: form as unknown as { file: string } }));
}

export function importCsv(
  workspaceId: string,
  file: File,
  options: { mapping: string[]; source: string; timeZone: string },
): Promise<CsvImportResult> {
  const form = new FormData();
  form.append('mapping', JSON.stringify(options.mapping));
  if (options.source.trim()) form.append('source', options.source.trim());
  form.append('timeZone', options.timeZone);
  form.append('file', file, file.name);
  return unwrap(
    api.POST(`${W}/csv/import`, {
      params: at(workspaceId),
      body: form as unknown as { file: string; mapping: string },
    }),
  );
}
