// Sizes of the built widget bundles (survey-widgets/dist) against their gzip budgets: one JSON line per file.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const widgets = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'survey-widgets');

export default async function widgetSize() {
  const budgets = JSON.parse(readFileSync(join(widgets, 'size-budget.json'), 'utf8'));
  for (const [file, budget] of Object.entries(budgets)) {
    if (file.startsWith('$')) continue;
    const path = join(widgets, 'dist', file);
    if (!existsSync(path)) {
      console.log(JSON.stringify({ bench: 'widget-size', file, error: 'not built (npm run build -w survey-widgets)' }));
      continue;
    }
    const bytes = readFileSync(path);
    const gzip = gzipSync(bytes, { level: 9 }).length;
    console.log(
      JSON.stringify({
        bench: 'widget-size',
        file,
        bytes: bytes.length,
        gzip_bytes: gzip,
        budget_gzip_bytes: budget,
        within_budget: gzip <= budget,
      }),
    );
  }
}
