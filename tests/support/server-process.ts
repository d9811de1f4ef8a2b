import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');
export const MAIN_JS = join(REPO_ROOT, 'backend', 'dist', 'backend', 'src', 'main.js');

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  output(): string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
}

/**
 * Runs the built backend exactly as `npm start` does, and waits until it says it is listening (the 'ready' message on
 * its IPC channel, as PM2's wait_ready) and /api/v1/health answers ok. Waiting for the message, not for any answer on
 * the port, matters: while this server seeds its demo, another test's server may hold the same port and answer.
 */
export async function startServerProcess(
  env: Record<string, string>,
  port: number,
  timeoutMs = 60_000,
  where: { mainJs: string; cwd: string } = { mainJs: MAIN_JS, cwd: REPO_ROOT },
): Promise<ServerProcess> {
  if (!existsSync(where.mainJs)) throw new Error(`${where.mainJs} is missing: run \`npm run build\` first (npm test does).`);
  let output = '';
  const child = spawn(process.execPath, [where.mainJs], {
    cwd: where.cwd,
    env: { ...process.env, LOG_FORMAT: 'json', LOG_LEVEL: 'info', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let listening = false;
  child.on('message', (message) => {
    if (message === 'ready') listening = true;
  });
  child.channel?.unref();
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let done = false;
  void exited.then(() => (done = true));
  while (!done && Date.now() < deadline) {
    if (!listening) {
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    try {
      const res = await fetch(`${baseUrl}/api/v1/health`);
      if (res.ok) return { child, baseUrl, output: () => output, exited };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become healthy${listening ? '' : ' (it never said it was listening)'}:\n${output}`);
}
