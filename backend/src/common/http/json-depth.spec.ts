import { describe, expect, it } from 'vitest';
import { jsonDepthExceeds, jsonHasUnstorableText } from './json-depth';

describe('jsonDepthExceeds', () => {
  it('counts object and array nesting', () => {
    expect(jsonDepthExceeds('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(jsonDepthExceeds('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(jsonDepthExceeds('['.repeat(5000) + ']'.repeat(5000))).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthExceeds(JSON.stringify({ text: '[[[[[{{{{{' }), 2)).toBe(false);
    expect(jsonDepthExceeds(JSON.stringify({ text: 'say \\"[[[[[' }), 2)).toBe(false);
    expect(jsonDepthExceeds('"\\\\"[[[', 2)).toBe(true);
  });
});

describe('jsonHasUnstorableText', () => {
  it('finds NUL escapes and unpaired surrogate escapes inside strings', () => {
    expect(jsonHasUnstorableText(JSON.stringify({ text: 'a\u0000b' }))).toBe(true);
    expect(jsonHasUnstorableText('{"text":"lone \\uD800 high"}')).toBe(true);
    expect(jsonHasUnstorableText('{"text":"lone \\udc00 low"}')).toBe(true);
    expect(jsonHasUnstorableText('{"text":"high at the end \\ud83d"}')).toBe(true);
    expect(jsonHasUnstorableText('{"text":"two highs \\ud83d\\ud83d\\ude00"}')).toBe(true);
    expect(jsonHasUnstorableText('{"text":"high then escape \\ud83d\\n"}')).toBe(true);
    expect(jsonHasUnstorableText(JSON.stringify({ ['key\u0000']: 1 }))).toBe(true);
  });

  it('accepts pairs, other escapes, raw characters and escaped backslashes', () => {
    expect(jsonHasUnstorableText('{"text":"pair \\ud83d\\ude00 ok"}')).toBe(false);
    expect(jsonHasUnstorableText(JSON.stringify({ text: 'emoji 😀, ё, tab\t, quote " and \\u0000 as text' }))).toBe(false);
    expect(jsonHasUnstorableText('{"text":"\\\\u0000"}')).toBe(false);
    expect(jsonHasUnstorableText('{"n":0, "u":"\\u0001\\u00e9"}')).toBe(false);
    expect(jsonHasUnstorableText('[1, 2, "\\uD800" ')).toBe(true);
  });
});
