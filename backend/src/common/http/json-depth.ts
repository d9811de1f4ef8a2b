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
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

const hex = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/**
 * Whether JSON text has a string PostgreSQL cannot store: a `\u0000` escape (text and jsonb refuse NUL) or a
 * `\uD800`–`\uDFFF` escape that is not half of a surrogate pair (jsonb refuses it; text would silently turn
 * it into U+FFFD). One scan of the raw bytes, so such bodies get a 400 instead of a database error (a 500).
 * Raw bytes never produce these: a raw NUL is invalid JSON, and invalid UTF-8 decodes to U+FFFD.
 */
export function jsonHasUnstorableText(text: Buffer | string): boolean {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  let inString = false;
  let highSurrogate = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (!inString) {
      if (c === 0x22) inString = true;
      continue;
    }
    if (c === 0x5c && bytes[i + 1] === 0x75 && hex(bytes[i + 2]) && hex(bytes[i + 3]) && hex(bytes[i + 4]) && hex(bytes[i + 5])) {
      const unit = parseInt(bytes.toString('latin1', i + 2, i + 6), 16);
      i += 5;
      if (unit === 0) return true;
      if (unit >= 0xdc00 && unit <= 0xdfff) {
        if (!highSurrogate) return true;
        highSurrogate = false;
      } else if (unit >= 0xd800 && unit <= 0xdbff) {
        if (highSurrogate) return true;
        highSurrogate = true;
      } else if (highSurrogate) return true;
      continue;
    }
    if (highSurrogate) return true; // anything but a low surrogate escape after a high one
    if (c === 0x5c)
      i++; // another escape: skip the escaped character
    else if (c === 0x22) inString = false;
  }
  return false;
}

export const UNSTORABLE_TEXT_MESSAGE =
  'The request body has text that cannot be stored: a NUL character (\\u0000) or an unpaired surrogate (\\uD800–\\uDFFF).';

export class JsonUnstorableTextError extends Error {
  readonly status = 400;
  readonly type = 'entity.unstorable.text';
  constructor() {
    super(UNSTORABLE_TEXT_MESSAGE);
  }
}

export class JsonTooDeepError extends Error {
  readonly status = 400;
  readonly type = 'entity.too.deep';
  constructor(readonly limit = MAX_JSON_DEPTH) {
    super(`request body nests deeper than ${limit} levels`);
  }
}

/** body-parser `verify` hook: refuses too-deep JSON, and text PostgreSQL cannot store, with a 400 before it is parsed. */
export function verifyJsonDepth(_req: unknown, _res: unknown, buffer: Buffer): void {
  if (jsonDepthExceeds(buffer)) throw new JsonTooDeepError();
  if (jsonHasUnstorableText(buffer)) throw new JsonUnstorableTextError();
}
