import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export type LockState =
  | { kind: 'none' }
  /** postmaster.pid names a process that is gone: a crash or SIGKILL left it behind. */
  | { kind: 'stale'; pid: number }
  /** A postgres whose parent died (re-parented to init): left running by a killed Otklik. */
  | { kind: 'orphan'; pid: number }
  /** A postgres still owned by a live process: another Otklik is using this data directory. */
  | { kind: 'in-use'; pid: number; parentPid: number };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readProc(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

/** Parent pid from /proc/<pid>/stat (field 4; the command name in field 2 may contain spaces). */
function parentPid(pid: number): number | undefined {
  const stat = readProc(pid, 'stat');
  if (!stat) return undefined;
  const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(afterName[1]);
}

/** Tells what the postmaster.pid in `pgData` means, so start-up can recover from a killed run. */
export function inspectPostmasterLock(pgData: string): LockState {
  const lockFile = join(pgData, 'postmaster.pid');
  if (!existsSync(lockFile)) return { kind: 'none' };
  const pid = Number(readFileSync(lockFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return { kind: 'stale', pid };
  const cmdline = readProc(pid, 'cmdline')?.replace(/\0/g, ' ') ?? '';
  if (!cmdline.includes('postgres')) return { kind: 'stale', pid }; // pid reused by another program
  const ppid = parentPid(pid);
  if (ppid === undefined || ppid === 1 || !isAlive(ppid)) return { kind: 'orphan', pid };
  return { kind: 'in-use', pid, parentPid: ppid };
}

export function removeLockFile(pgData: string): void {
  rmSync(join(pgData, 'postmaster.pid'), { force: true });
}

/** Asks an orphaned postgres for a fast, clean shutdown and waits for it to exit. */
export async function stopOrphan(pid: number, timeoutMs = 30_000): Promise<void> {
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGQUIT');
      throw new Error(`PostgreSQL (pid ${pid}) left by an earlier run did not stop within ${timeoutMs / 1000}s`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}
