import { sep } from 'node:path';

/** Shared by the build (build.mjs) and svelte-check. */
export default {
  compilerOptions: {
    runes: true,
    // No `window.__svelte` version marker on the host page.
    discloseVersion: false,
    // All CSS stays in the JS and is injected into the shadow root: no stylesheet touches the host page.
    css: 'injected',
    // Only the survey element is a custom element; the question components are plain components inside it.
    customElement: ({ filename }) => filename.endsWith(`${sep}src${sep}Survey.svelte`),
  },
};
