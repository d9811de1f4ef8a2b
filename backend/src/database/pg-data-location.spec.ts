import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { choosePgData, reachableByOtherUsers } from './pg-data-location';

const root = mkdtempSync(join(tmpdir(), 'otklik-loc-'));
chmodSync(root, 0o755);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('choosePgData', () => {
  it('keeps the wanted folder when every parent can be entered', () => {
    const wanted = join(root, 'open', '.otklik', 'pg');
    mkdirSync(join(root, 'open'), { mode: 0o755 });
    expect(reachableByOtherUsers(wanted)).toBe(true);
    expect(choosePgData(wanted, '/var/lib/otklik', true)).toEqual({ pgData: wanted });
  });

  it('falls back to a stable folder when root runs from a private folder', () => {
    const privateDir = join(root, 'private');
    mkdirSync(privateDir, { mode: 0o700 });
    const wanted = join(privateDir, '.otklik', 'pg');
    expect(reachableByOtherUsers(wanted)).toBe(false);
    const first = choosePgData(wanted, '/srv/fallback', true);
    expect(first.pgData).toMatch(/^\/srv\/fallback\/[0-9a-f]{12}\/pg$/);
    expect(first.fallbackReason).toContain('private folder');
    expect(choosePgData(wanted, '/srv/fallback', true).pgData).toBe(first.pgData);
    // Not root: PostgreSQL runs as the same user, so the folder is fine.
    expect(choosePgData(wanted, '/srv/fallback', false)).toEqual({ pgData: wanted });
  });
});
