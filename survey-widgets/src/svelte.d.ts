declare module '*.svelte' {
  import type { Component } from 'svelte';
  const component: Component<Record<string, unknown>>;
  export default component;
}

/** true only in dist/custom.js (build.mjs): the rating matrix, which only custom surveys have, is left out of the others. */
declare const __MATRIX__: boolean;
