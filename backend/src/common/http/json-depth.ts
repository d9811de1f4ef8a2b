/** No request body of ours nests deeper than this; far deeper ones only serve to exhaust the stack. */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether JSON text nests arrays/objects deeper than `max`, found by one scan of the raw bytes before
 * parsing (brackets inside strings, escapes included, are skipped). Validation libraries walk bodies
 * recursively, so a 5,000-level body would otherwise overflow the stack (a 500) instead of a 400.
 */
export function jsonDepthExceeds(text: Buffer | string, max = MAX_JSON_DEPTH): boolean {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

export class JsonTooDeepError extends Error {
  readonly status = 400;
  readonly type = 'entity.too.deep';
  constructor(readonly limit = MAX_JSON_DEPTH) {
    super(`request body nests deeper than ${limit} levels`);
  }
}

/** body-parser `verify` hook: refuses too-deep JSON with a 400 before it is parsed. */
export function verifyJsonDepth(_req: unknown, _res: unknown, buffer: Buffer): void {
  if (jsonDepthExceeds(buffer)) throw new JsonTooDeepError();
}
