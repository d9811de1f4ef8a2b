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

/**
 * Bounds of reading one .xlsx (a zip of XML parts). A 2 MB zip can inflate to gigabytes, so the parts read
 * (workbook, styles, shared strings, first sheet) are counted while they inflate and refused at these limits.
 */
export const XLSX_LIMITS = {
  /** Inflated bytes of all parts read, together. */
  maxInflatedBytes: 100 * 1024 * 1024,
  /** Inflated / compressed size of a part, checked once a part is past ratioFloorBytes (real sheets: 5–30). */
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  /** Entries in the zip (a workbook has tens; thousands only in a crafted file). */
  maxEntries: 2_000,
  /** Strings in the shared-strings table. */
  maxSharedStrings: 1_000_000,
} as const;

export const MAX_INFLATED_MEGABYTES = XLSX_LIMITS.maxInflatedBytes / (1024 * 1024);

/** Where a file is parsed: a worker thread with its own heap, so a file that needs too much kills the worker, not the server. */
export const PARSE_LIMITS = {
  /** Old-generation heap of the parse worker. */
  workerHeapMb: 256,
  /** Longest a parse may take before the worker is stopped. */
  timeoutMs: 30_000,
  /** Parses at once per workspace and per process; the next upload gets 429. */
  perWorkspace: 2,
  global: 4,
  /** Retry-After of that 429. */
  retryAfterSeconds: 5,
} as const;
