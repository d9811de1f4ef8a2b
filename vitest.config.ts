import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// SWC instead of esbuild: Nest's dependency injection needs emitted decorator metadata.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: {
    include: [
      'backend/src/**/*.spec.ts',
      'survey-model/src/**/*.spec.ts',
      'tests/api/**/*.test.ts',
      'tests/browser/**/*.test.ts',
      'tests/cli/**/*.test.ts',
      'tests/quality/**/*.test.ts',
      'tests/reliability/**/*.test.ts',
    ],
    globalSetup: ['tests/support/global-setup.ts'],
    reporters: ['default', './tests/support/summary-reporter.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Each file gets its own database; the machine has 2 cores.
    maxWorkers: 2,
  },
});
