import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ bodyLimit: '10kb' });
});
afterAll(() => t.close());

describe('common edge', () => {
  it('reports database status on /api/v1/health', async () => {
    const res = await t.http().get('/api/v1/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.database.status).toBe('up');
    expect(typeof res.body.database.latencyMs).toBe('number');
  });

  it('gives every response a request id, echoing a sane incoming one', async () => {
    const fresh = await t.http().get('/api/v1/health');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await t.http().get('/api/v1/health').set('X-Request-Id', 'trace-123');
    expect(echoed.headers['x-request-id']).toBe('trace-123');
    const hostile = await t.http().get('/api/v1/health').set('X-Request-Id', '<script>');
    expect(hostile.headers['x-request-id']).not.toBe('<script>');
  });

  it('sets helmet security headers', async () => {
    const res = await t.http().get('/api/v1/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('serves the OpenAPI document and the docs page', async () => {
    const json = await t.http().get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/workspaces/{workspaceId}/members', '/api/v1/health']),
    );
    const page = await t.http().get('/api/docs').expect(200);
    expect(page.text).toContain('swagger');
  });

  it('answers unknown API routes with the JSON error shape', async () => {
    const res = await t.http().get('/api/v1/no-such-thing').expect(404);
    expect(res.body).toEqual({
      error: { status: 404, code: 'not_found', message: expect.any(String), requestId: res.headers['x-request-id'] },
    });
  });

  it('rejects malformed JSON with 400 and an oversized body with 413', async () => {
    const bad = await t.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email":');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
    expect(bad.body.error.requestId).toBe(bad.headers['x-request-id']);

    const big = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'a@b.co', password: 'x'.repeat(20_000) });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    expect(big.body.error.message).toContain('too large');
  });
});
