/**
 * The built CLI, run as a user would: `node backend/dist/backend/src/cli.js sentiment …`
 * (`npm test` builds first; while developing run `npx tsc -p backend/tsconfig.build.json`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'backend', 'dist', 'backend', 'src', 'cli.js');
const sample = join(root, 'tests', 'fixtures', 'sentiment', 'cli-sample.csv');
const work = mkdtempSync(join(tmpdir(), 'otklik-sentiment-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, 'sentiment', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('sentiment CLI', () => {
  it('writes index,language,sentiment for every row in order', () => {
    const out = join(work, 'out.csv');
    const result = run('--input', sample, '--text-column', 'text', '--out', out);
    expect(result.stderr).toContain('Scored 7 rows');
    expect(result.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(
      ['index,language,sentiment', '0,ru,1', '1,en,-1', '2,und,0', '3,ru,0', '4,bg,0', '5,und,1', '6,ru,-1', ''].join('\n'),
    );
    expect(readdirSync(work)).toEqual(['out.csv']); // no temporary file left behind
  });

  it('prints to standard output without --out and honours --language', () => {
    const result = run('--input', sample, '--language', 'en');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(8);
    // Forced to English, the Russian praise carries nothing; the "(((" of the last row still reads negative.
    expect(lines.slice(1)).toEqual(['0,en,0', '1,en,-1', '2,und,0', '3,en,0', '4,en,0', '5,en,1', '6,en,-1']);
  });

  it('explains a missing file or column and writes nothing', () => {
    const out = join(work, 'never.csv');
    const missing = run('--input', join(work, 'nope.csv'), '--out', out);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Input file not found');
    const column = run('--input', sample, '--text-column', 'body', '--out', out);
    expect(column.code).toBe(2);
    expect(column.stderr).toContain('Column "body" not found');
    expect(column.stderr).toContain('id, author, text');
    expect(existsSync(out)).toBe(false);
    const usage = run();
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--input is required');
  });

  it('handles an empty file and a header-only file', () => {
    const empty = join(work, 'empty.csv');
    writeFileSync(empty, '');
    expect(run('--input', empty).stderr).toContain('is empty');
    const headerOnly = join(work, 'header.csv');
    writeFileSync(headerOnly, 'text\n');
    const result = run('--input', headerOnly);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('index,language,sentiment\n');
  });
});
