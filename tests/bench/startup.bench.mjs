// Start-up and basic request figures of the built server, as `npm start` runs it.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const mainJs = join(root, 'backend', 'dist', 'backend', 'src', 'main.js');

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function startAndTime(dataDir, pgPort) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [mainJs], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      OTKLIK_DATA_DIR: dataDir,
      OTKLIK_EMBEDDED_PG_PORT: String(pgPort),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
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
    await new Promise((r) => setTimeout(r, 25));
  }
  return { child, base, seconds: (performance.now() - started) / 1000 };
}

async function stop(child) {
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGINT');
  await exited;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timeRequests(count, send) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const res = await send();
    await res.arrayBuffer();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms (${count} requests)`;
}

export default async function run() {
  const dataDir = mkdtempSync(join(tmpdir(), 'otklik-bench-'));
  chmodSync(dataDir, 0o755);
  const pgPort = await freePort();
  try {
    const cold = await startAndTime(dataDir, pgPort);
    console.log(`cold start (initdb + migrations + demo seed) to healthy /api/v1/health: ${cold.seconds.toFixed(2)} s`);
    await stop(cold.child);
    const warm = await startAndTime(dataDir, pgPort);
    console.log(`warm start (existing data) to healthy /api/v1/health: ${warm.seconds.toFixed(2)} s`);
    console.log(`GET /api/v1/health: ${await timeRequests(300, () => fetch(`${warm.base}/api/v1/health`))}`);
    const login = () =>
      fetch(`${warm.base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'demo@otklik.local', password: 'otklik-demo' }),
      });
    console.log(`POST /api/v1/auth/login (argon2id verify): ${await timeRequests(25, login)}`);
    await stop(warm.child);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
