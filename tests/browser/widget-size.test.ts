import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/**
 * The built widget bundles (npm test builds first) exist and stay within their gzipped budgets
 * (survey-widgets/size-budget.json, from docs/survey-widgets.md), styles included: the widgets carry their CSS.
 */

const WIDGETS = join(__dirname, '..', '..', 'survey-widgets');
const budgets: Record<string, number> = JSON.parse(readFileSync(join(WIDGETS, 'size-budget.json'), 'utf8'));
const files = Object.keys(budgets).filter((file) => !file.startsWith('$'));

describe('widget bundle sizes', () => {
  it('budgets cover the loader, the four survey widgets and the cancellation flow', () => {
    expect(files.sort()).toEqual(['cancel.js', 'ces.js', 'csat.js', 'custom.js', 'loader.js', 'nps.js']);
  });

  it.each(files)('%s is built and within its gzip budget', (file) => {
    const path = join(WIDGETS, 'dist', file);
    expect(existsSync(path), `${path} missing: run npm run build -w survey-widgets`).toBe(true);
    const bytes = readFileSync(path);
    // Self-contained: no separate stylesheet to load, styles are injected into the shadow root.
    expect(existsSync(path.replace(/\.js$/, '.css'))).toBe(false);
    const gzipped = gzipSync(bytes, { level: 9 }).length;
    expect(gzipped, `${file}: ${gzipped} bytes gzipped, budget ${budgets[file]}`).toBeLessThanOrEqual(budgets[file]);
  });
});
