import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

/**
 * `npm test` must never look green when a test file dies in a hook (vitest then reports its tests as
 * skipped): CI reads the reporter's closing line as well as the exit code.
 */
describe('the test command reports failures outside tests', () => {
  const run = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'tests/fixtures/reporter/vitest.config.ts'],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium', FORCE_COLOR: '0', CI: 'true' },
      timeout: 120_000,
    },
  );
  const output = `${run.stdout}\n${run.stderr}`;

  it('exits non-zero', () => {
    expect(run.error).toBeUndefined();
    expect(run.status).not.toBe(0);
  });

  it('counts each file that failed in a hook in its closing line', () => {
    const closing = output.match(/^tests: (\d+) passed, (\d+) failed, (\d+) skipped$/m);
    expect(closing, output).not.toBeNull();
    expect(Number(closing![1])).toBe(1);
    expect(Number(closing![2])).toBe(2);
  });

  it('says how to install Chromium when it is missing', () => {
    expect(output).toContain('Chromium was not found at /nonexistent/chromium');
    expect(output).toContain('apt-get install -y chromium');
  });
});
