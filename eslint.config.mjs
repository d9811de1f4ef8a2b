// One lint for the whole repository, run by `npm test` (see tests/quality/lint.test.ts).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { moduleBoundaries } from './tools/eslint/module-boundaries.mjs';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/build/**',
      '**/.svelte-kit/**',
      '.nx/**',
      '.otklik/**',
      'coverage/**',
      'frontend/src/lib/api/schema.d.ts',
      'tests/fixtures/**',
      'tests/.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX, otklik: moduleBoundaries },
    rules: {
      // Unused names fail the build already (tsconfig noUnusedLocals); `_`-prefixed ones are deliberate.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'otklik/no-relative-cross-package': 'error',
      'import-x/no-duplicates': 'error',
      // The dashboard is always served at / by the backend (no `paths.base`), so resolve() would add nothing to a link.
      'svelte/no-navigation-without-resolve': 'off',
      // svelte-check --fail-on-warnings (in the build) is the judge of svelte-ignore comments; this rule misreads a11y ones.
      'svelte/no-unused-svelte-ignore': 'off',
      // Our stores replace collections wholesale (immutable updates) and build throwaway Sets for lookups; neither needs
      // SvelteSet/SvelteDate.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    // The widgets' lists are fixed for the life of a question and never reorder; unkeyed blocks are smaller.
    files: ['survey-widgets/**/*.svelte'],
    rules: { 'svelte/require-each-key': 'off' },
  },
  {
    // Browser tests reach into the page's globals inside page.evaluate, where there are no types to name.
    files: ['tests/browser/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['backend/src/**/*.ts'],
    settings: {
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'backend/tsconfig.json' })],
    },
    rules: {
      'otklik/no-foreign-repository': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // The backend compiles the migrations into its own build (backend/tsconfig.json includes ../migrations).
    files: ['backend/src/database/data-source-options.ts'],
    rules: { 'otklik/no-relative-cross-package': 'off' },
  },
  prettier,
  ...svelte.configs['flat/prettier'],
);
