import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TestApp } from '../support/app';
import { REPO_ROOT } from '../support/server-process';

/** The committed API document and the dashboard's generated client must match the running app. */
let t: TestApp;
let live: unknown;
beforeAll(async () => {
  t = await startTestApp();
  live = (await t.http().get('/api/docs-json').expect(200)).body;
});
afterAll(() => t.close());

const staleHint = 'out of date: run `npm run api:generate` and commit the result';

describe('OpenAPI document', () => {
  it(`backend/openapi.json matches the app (${staleHint})`, () => {
    const committed = JSON.parse(readFileSync(join(REPO_ROOT, 'backend', 'openapi.json'), 'utf8'));
    expect(committed).toEqual(live);
  });

  it(`frontend/src/lib/api/schema.d.ts is generated from it (${staleHint})`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'otklik-openapi-'));
    try {
      writeFileSync(join(dir, 'openapi.json'), JSON.stringify(live));
      const cli = join(REPO_ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
      execFileSync(process.execPath, [cli, join(dir, 'openapi.json'), '-o', join(dir, 'schema.d.ts')], { stdio: 'pipe' });
      const committed = readFileSync(join(REPO_ROOT, 'frontend', 'src', 'lib', 'api', 'schema.d.ts'), 'utf8');
      expect(committed).toBe(readFileSync(join(dir, 'schema.d.ts'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('documents every operation with a summary and the workspace parameter where used', () => {
    const doc = live as { paths: Record<string, Record<string, { summary?: string; parameters?: { name: string }[] }>> };
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        expect(op.summary, `${method} ${path}`).toBeTruthy();
        if (path.includes('{workspaceId}')) {
          expect(
            op.parameters?.map((p) => p.name),
            `${method} ${path}`,
          ).toContain('workspaceId');
        }
      }
    }
  });
});
