import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

type Figures = Record<string, number | string>;

/**
 * Prints one plain closing line, `tests: N passed, N failed, N skipped`, that CI tooling can read
 * whatever the test runner; a file that failed outside its tests (load error, a failing hook, which leaves its
 * tests "skipped") counts as one failure, so the line can never say "0 failed" when the run failed.
 * Before it, one `figures:` line per test that measured something (`task.meta.figures`, set by
 * tests/reliability/figures.ts): requests sent, acknowledged, stored, lost, duplicates, 5xx under fuzzing;
 * the same figures go to tests/.tmp/figures.json.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    const figures: { test: string; figures: Figures }[] = [];
    for (const module of testModules) {
      let failedInModule = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failedInModule += 1;
        else skipped += 1;
        const measured = (test.meta() as { figures?: Figures }).figures;
        if (measured) figures.push({ test: `${module.moduleId.split('/tests/').pop()} > ${test.fullName}`, figures: measured });
      }
      // A file that failed outside its tests (import error, a failing beforeAll/afterAll: vitest then marks its
      // tests skipped) is a failure even though no single test failed.
      failed += failedInModule > 0 ? failedInModule : module.state() === 'failed' ? 1 : 0;
    }
    if (figures.length > 0) {
      process.stdout.write('\n');
      for (const f of figures) {
        process.stdout.write(
          `figures: ${Object.entries(f.figures)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ')} (${f.test})\n`,
        );
      }
      try {
        const dir = join(process.cwd(), 'tests', '.tmp');
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
      } catch {
        // The printed lines are the record; the file is a convenience.
      }
    }
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
