import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Whether a non-owner account can walk down to `dir`: every existing ancestor must grant others
 * execute (search) permission. As root, PostgreSQL runs as the `postgres` account, which owns
 * none of these folders; a private parent such as /root (0700) would lock it out.
 */
export function reachableByOtherUsers(dir: string): boolean {
  let current = dirname(resolve(dir));
  for (;;) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    const parent = dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

export interface PgDataChoice {
  pgData: string;
  /** Set when the wanted folder could not be used, to tell the person why. */
  fallbackReason?: string;
}

/**
 * The wanted PGDATA, or — when running as root under a private folder — a stable folder under
 * `fallbackRoot` derived from the wanted path, so data is still kept between runs.
 */
export function choosePgData(wanted: string, fallbackRoot: string, isRoot: boolean): PgDataChoice {
  if (!isRoot || reachableByOtherUsers(wanted)) return { pgData: wanted };
  const key = createHash('sha256').update(resolve(wanted)).digest('hex').slice(0, 12);
  const pgData = join(fallbackRoot, key, 'pg');
  return {
    pgData,
    fallbackReason:
      `${wanted} is inside a private folder the "postgres" system account cannot enter (PostgreSQL never runs as root), ` +
      `so the embedded database keeps its data in ${pgData}. Set OTKLIK_DATA_DIR to choose another place.`,
  };
}
