// Builds one self-contained, minified IIFE per entry into dist/: the four survey widgets and the cancellation flow (a custom element mounting
// the Svelte 5 survey component into its shadow root, CSS injected there) and the loader (plain TypeScript).
// Vite's library mode cannot emit several IIFE entries in one build, so each entry is its own build.
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));

// This package pins an older Svelte 5 than the dashboard (its much smaller runtime is what keeps the widgets
// within budget; see README). vite-plugin-svelte loads the compiler next to itself, so it must be this package's
// own nested copy, not the dashboard's hoisted one: fail rather than compile with one Svelte for the other's runtime.
const require = createRequire(import.meta.url);
const version = (from) => JSON.parse(readFileSync(createRequire(from).resolve('svelte/package.json'), 'utf8')).version;
const runtime = version(import.meta.url);
const compiler = version(require.resolve('@sveltejs/vite-plugin-svelte'));
if (compiler !== runtime) throw new Error(`vite-plugin-svelte would compile with svelte ${compiler}, the widgets import ${runtime}`);

const outDir = join(root, 'dist');
const entries = ['loader', 'nps', 'csat', 'ces', 'custom', 'cancel'];

rmSync(outDir, { recursive: true, force: true });

for (const name of entries) {
  await build({
    configFile: false,
    root,
    mode: 'production',
    logLevel: 'warn',
    plugins:
      name === 'loader'
        ? []
        : [
            // Compiler options come from svelte.config.js; no separate CSS file is emitted.
            svelte({ configFile: join(root, 'svelte.config.js'), emitCss: false }),
          ],
    // Matrix questions belong to custom surveys: only their bundle carries the matrix (the others drop it as dead code).
    define: { __MATRIX__: JSON.stringify(name === 'custom') },
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      // Terser with two compress passes: a few percent smaller than esbuild for these bundles.
      minify: 'terser',
      terserOptions: { compress: { passes: 2 } },
      sourcemap: false,
      reportCompressedSize: false,
      lib: {
        entry: join(root, 'src', `${name}.ts`),
        formats: ['iife'],
        // Required by Vite for IIFE output; the entries export nothing, so no global is created.
        name: `otklik_${name}`,
        fileName: () => `${name}.js`,
      },
    },
  });
  console.log(`built dist/${name}.js`);
}
