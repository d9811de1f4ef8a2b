// Shared by the benchmarks: start the built backend on its own embedded PostgreSQL, sign in as the demo admin.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const mainJs = join(root, 'backend', 'dist', 'backend', 'src', 'main.js');

export const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts `npm start`'s server on a fresh data dir; resolves once /health answers. */
export async function startServer(name, extraEnv = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), `otklik-bench-${name}-`));
  chmodSync(dataDir, 0o755);
  const pgPort = await freePort();
  const port = await freePort();
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server.
  const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [];
  const child = spawn(process.execPath, [...nodeArgs, mainJs], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      OTKLIK_DATA_DIR: dataDir,
      OTKLIK_EMBEDDED_PG_PORT: String(pgPort),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      ...extraEnv,
    },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    base,
    /** The server's process id (e.g. to sample its resident memory from /proc). */
    pid: child.pid,
    pgUrl: `postgres://otklik:otklik@127.0.0.1:${pgPort}/otklik`,
    async stop() {
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGINT');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function json(res) {
  const body = await res.json();
  if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** Signs in as the demo admin; returns the workspace id and headers for further calls. */
export async function signInDemo(base) {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'demo@otklik.local', password: 'otklik-demo' }),
  });
  const session = await json(login.clone());
  const cookie = login.headers.get('set-cookie').split(';')[0];
  return {
    workspaceId: session.workspaces[0].id,
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken },
  };
}

export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
