import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectPostmasterLock } from './postmaster-lock';

const dir = mkdtempSync(join(tmpdir(), 'otklik-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('inspectPostmasterLock', () => {
  it('sees no lock when there is no postmaster.pid', () => {
    expect(inspectPostmasterLock(dir)).toEqual({ kind: 'none' });
  });

  it('calls a lock stale when its process is gone', () => {
    writeFileSync(join(dir, 'postmaster.pid'), '999999\n/data\n');
    expect(inspectPostmasterLock(dir)).toEqual({ kind: 'stale', pid: 999999 });
  });

  it('calls a lock stale when its pid now belongs to another program', () => {
    writeFileSync(join(dir, 'postmaster.pid'), `${process.pid}\n/data\n`);
    expect(inspectPostmasterLock(dir)).toEqual({ kind: 'stale', pid: process.pid });
  });

  it('tells a postgres with a live parent (in use) from nothing else', async () => {
    // A process whose command line names postgres, owned by this test process.
    const child = spawn('bash', ['-c', 'exec -a postgres sleep 30']);
    await new Promise((r) => setTimeout(r, 100));
    writeFileSync(join(dir, 'postmaster.pid'), `${child.pid}\n/data\n`);
    expect(inspectPostmasterLock(dir)).toEqual({ kind: 'in-use', pid: child.pid, parentPid: process.pid });
    child.kill('SIGKILL');
  });
});
