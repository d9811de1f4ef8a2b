/** The built `cluster` CLI command, run as a user runs it: output rows, order, errors. */
import { parse } from 'csv-parse/sync';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(root, 'backend', 'dist', 'backend', 'src', 'cli.js');
const SAMPLE = join(root, 'tests', 'fixtures', 'clustering', 'cli-sample.csv');

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli cluster', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npm run build, or npx tsc -p backend/tsconfig.build.json).`);
    dir = mkdtempSync(join(tmpdir(), 'otklik-cluster-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes index,cluster_id,label for every row in order, grouping the two topics', () => {
    const out = join(dir, 'out.csv');
    const summary = join(dir, 'clusters.json');
    const { code, stderr } = cli('cluster', '--input', SAMPLE, '--text-column', 'message', '--out', out, '--summary', summary);
    expect(stderr).toMatch(/Clustered 13 rows into .*: 2 clusters, 1 unclustered/);
    expect(code).toBe(0);
    const rows = parse(readFileSync(out), { columns: true }) as { index: string; cluster_id: string; label: string }[];
    expect(rows.map((r) => r.index)).toEqual(Array.from({ length: 13 }, (_, i) => String(i)));
    const courier = [0, 2, 5, 7, 9, 11];
    const refund = [1, 3, 6, 8, 10, 12];
    const idOf = (i: number) => rows[i].cluster_id;
    expect(new Set(courier.map(idOf)).size).toBe(1);
    expect(new Set(refund.map(idOf)).size).toBe(1);
    expect(idOf(0)).not.toBe(idOf(1));
    // The empty message fits nowhere.
    expect(rows[4]).toEqual({ index: '4', cluster_id: '-1', label: '' });
    expect(rows[0].label).toMatch(/курьер|доставк/);
    expect(rows[1].label).toMatch(/refund|money/);
    const clusters = JSON.parse(readFileSync(summary, 'utf8')) as {
      cluster_id: number;
      size: number;
      examples: { index: number; text: string }[];
    }[];
    expect(clusters.map((c) => c.size)).toEqual([6, 6]);
    expect(clusters[0].examples[0].text).toBeTypeOf('string');
  });

  it('writes to standard output without a progress bar in it', () => {
    const { code, stdout } = cli('cluster', '--input', SAMPLE, '--text-column', 'message');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('index,cluster_id,label');
    expect(lines).toHaveLength(14);
  });

  it('gives clear errors for a missing file, a missing column and an empty input', () => {
    const missing = cli('cluster', '--input', join(dir, 'nope.csv'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Input file not found');

    const column = cli('cluster', '--input', SAMPLE, '--text-column', 'body');
    expect(column.code).toBe(2);
    expect(column.stderr).toContain('Column "body" not found');
    expect(column.stderr).toContain('id, message, channel');

    const headerOnly = join(dir, 'header.csv');
    writeFileSync(headerOnly, 'text\n');
    const empty = cli('cluster', '--input', headerOnly);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('no data rows');

    const blank = join(dir, 'blank.csv');
    writeFileSync(blank, '');
    expect(cli('cluster', '--input', blank).stderr).toContain('is empty');
  });
});
