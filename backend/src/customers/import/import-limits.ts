/** Bounds of one import: big enough for a CRM export, small enough to parse in memory on one replica. */
export const IMPORT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxRows: 50_000,
  maxColumns: 200,
  maxCellLength: 10_000,
  /** Rows shown in the upload preview. */
  previewRows: 20,
  /** Rows stored per transaction by the runner (one existing bulk upsert each). */
  chunkRows: 500,
} as const;

export const MAX_MEGABYTES = IMPORT_LIMITS.maxBytes / (1024 * 1024);
