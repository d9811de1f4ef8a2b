import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { transformWithEsbuild } from 'vite';

/** Shared by the build (build.mjs) and svelte-check. */
export default {
  preprocess: [
    // TypeScript goes through esbuild first: this Svelte version's own type stripping fails with the esrap
    // release npm now installs for it ("Not implemented type annotation EmptyStatement").
    vitePreprocess({ script: true, style: false }),
    // The CSS ships inside every bundle: minified (comments, whitespace, shorter colours).
    { style: async ({ content }) => ({ code: (await transformWithEsbuild(content, 'widget.css', { minify: true })).code }) },
  ],
  compilerOptions: {
    runes: true,
    // No `window.__svelte` version marker on the host page.
    discloseVersion: false,
    // All CSS stays in the JS and is injected into the shadow root: no stylesheet touches the host page.
    css: 'injected',
    // Short scoping classes (styles are scoped by the shadow root anyway); the leading letter keeps them valid ids.
    cssHash: ({ hash, css }) => `s${hash(css)}`,
  },
};
