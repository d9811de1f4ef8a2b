import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes } from './static-dashboard';

describe('inlineScriptHashes', () => {
  it('hashes inline scripts only, in CSP source form', () => {
    const body = '\n  window.start();\n';
    const html = `<html><head><script src="/app.js"></script><script type="module">${body}</script></head></html>`;
    const expected = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
    expect(inlineScriptHashes(html)).toEqual([expected]);
  });
});
