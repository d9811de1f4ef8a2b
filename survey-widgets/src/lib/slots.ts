import type { Component } from 'svelte';

/**
 * Question components only some bundles carry: src/custom.ts registers the rating matrix, which only custom surveys
 * have, and Survey.svelte renders it behind the build flag __MATRIX__ (build.mjs), so the other bundles drop it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const slots: { matrix?: Component<any> } = {};
