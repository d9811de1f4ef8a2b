// Builds one self-contained, minified IIFE per entry into dist/: the four widgets (Svelte 5 custom elements
// with their CSS injected into the shadow root) and the loader (plain TypeScript). Vite's library mode cannot
// emit several IIFE entries in one build, so each entry is its own build.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));
const outDir = join(root, 'dist');
const entries = ['loader', 'nps', 'csat', 'ces', 'custom'];

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
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      minify: 'esbuild',
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
