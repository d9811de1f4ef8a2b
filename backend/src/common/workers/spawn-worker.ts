import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

const bundles = new Map<string, Promise<string>>();

/**
 * Starts the worker thread whose entry is `<dir>/<name>`: the compiled `<name>.js` in the built server. When the
 * TypeScript sources run directly (vitest), there is no .js beside them, so `<name>.ts` is bundled once per process
 * with esbuild (a dev dependency, never loaded in production) and run from memory: tests exercise the same worker,
 * with the same resource limits, as the built server.
 */
export async function spawnWorker(dir: string, name: string, options: WorkerOptions): Promise<Worker> {
  const compiled = join(dir, `${name}.js`);
  if (existsSync(compiled)) return new Worker(compiled, options);
  const source = join(dir, `${name}.ts`);
  let bundle = bundles.get(source);
  if (!bundle) {
    bundle = bundleSource(source);
    bundles.set(source, bundle);
    bundle.catch(() => bundles.delete(source));
  }
  return new Worker(await bundle, { ...options, eval: true });
}

async function bundleSource(source: string): Promise<string> {
  const esbuild = createRequire(__filename)('esbuild') as typeof import('esbuild');
  // Asynchronous: esbuild works in its own process, so the event loop stays free while it bundles.
  const result = await esbuild.build({
    entryPoints: [source],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
