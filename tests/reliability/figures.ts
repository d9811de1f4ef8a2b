import type { TestContext } from 'vitest';

/** Figures a reliability test measured (requests sent, acknowledged, stored, lost, …), for the closing summary. */
export type Figures = Record<string, number | string>;

declare module 'vitest' {
  interface TaskMeta {
    /** Read by tests/support/summary-reporter.ts, which prints one `figures:` line per test. */
    figures?: Figures;
  }
}

/**
 * Attaches figures to the running test: the summary reporter prints them at the end of the run (and writes
 * tests/.tmp/figures.json), so they can be quoted without digging through the log. Also logged at once.
 */
export function recordFigures(context: TestContext, figures: Figures): void {
  context.task.meta.figures = { ...context.task.meta.figures, ...figures };
  console.log(`figures ${JSON.stringify(figures)}`);
}
