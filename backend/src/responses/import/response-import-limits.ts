/** Bounds of one history import: a 100 MB CSV is about a million answers. */
export const RESPONSE_IMPORT_LIMITS = {
  maxBytes: 100 * 1024 * 1024,
  maxColumns: 200,
  maxCellLength: 10_000,
  /** Rows shown in the upload preview (kept in the import row). */
  previewRows: 20,
  /** Bytes per stored piece of the file. */
  chunkBytes: 1024 * 1024,
  /** Bytes the background run hands the CSV parser at once, and rows it maps, between turns of the event loop. */
  parseSliceBytes: 16 * 1024,
  mapSliceRows: 250,
  /** Rows written per transaction: one multi-row INSERT … SELECT FROM unnest, one progress update. */
  batchRows: 5_000,
  /** Row errors kept per import (the failed count stays exact beyond it). */
  storedErrors: 10_000,
  /** Longest the upload's first read (counting rows, checking the CSV) may take in its worker. */
  parseTimeoutMs: 120_000,
  parseWorkerHeapMb: 128,
  /** An upload never started is dropped (its bytes with it) after this long. */
  previewExpiryHours: 24,
  /** Unfinished imports (previewing or running: their file is stored) a workspace may hold at once … */
  pendingImports: 5,
  /** … and their stored bytes together (two and a half of the largest files). */
  pendingBytes: 250 * 1024 * 1024,
} as const;

export const MAX_IMPORT_MEGABYTES = RESPONSE_IMPORT_LIMITS.maxBytes / (1024 * 1024);
