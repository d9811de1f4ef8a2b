// Reads the backend's module map from the sources: which module owns which tables (its *.entity.ts files) and which
// modules each one imports. tests/quality/module-map.test.ts holds docs/ARCHITECTURE.md to it;
// `node tools/module-map.mjs` prints the table; `--write` puts it in docs/ARCHITECTURE.md in place of the old one.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'backend', 'src');
/** Shared infrastructure every module may use; arrows into these are not listed. */
export const SHARED = ['common', 'config', 'database'];

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

function moduleOf(file) {
  const parts = relative(SRC, file).split(sep);
  return parts.length > 1 && !parts[0].startsWith('..') ? parts[0] : null;
}

const IMPORT = /^\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']*)'/gm;

/** @returns {Map<string, { tables: string[], uses: string[] }>} */
export function readModuleMap() {
  const map = new Map();
  const entry = (name) => map.get(name) ?? map.set(name, { tables: [], uses: [] }).get(name);
  for (const file of sourceFiles(SRC)) {
    const own = moduleOf(file);
    if (!own) continue;
    const text = readFileSync(file, 'utf8');
    const mine = entry(own);
    if (file.endsWith('.entity.ts')) for (const m of text.matchAll(/@Entity\(\s*'([a-z_]+)'/g)) mine.tables.push(m[1]);
    for (const m of text.matchAll(IMPORT)) {
      const target = moduleOf(resolve(dirname(file), m[1]));
      if (target && target !== own && !SHARED.includes(target) && !mine.uses.includes(target)) mine.uses.push(target);
    }
  }
  for (const value of map.values()) {
    value.tables.sort();
    value.uses.sort();
  }
  return new Map([...map].sort(([a], [b]) => a.localeCompare(b)));
}

export function renderModuleMap(map = readModuleMap()) {
  const rows = [...map].filter(([name]) => !SHARED.includes(name));
  const cell = (list) => (list.length ? list.map((x) => `\`${x}\``).join(', ') : '—');
  return [
    '| module | owns tables | may use |',
    '|---|---|---|',
    ...rows.map(([name, m]) => `| \`${name}\` | ${cell(m.tables)} | ${cell(m.uses)} |`),
  ].join('\n');
}

/** Replaces the module table (its header row and every table row after it) in docs/ARCHITECTURE.md. */
function writeIntoDoc(table) {
  const path = join(ROOT, 'docs', 'ARCHITECTURE.md');
  const lines = readFileSync(path, 'utf8').split('\n');
  const start = lines.indexOf('| module | owns tables | may use |');
  if (start === -1) throw new Error('docs/ARCHITECTURE.md has no module table to replace');
  let end = start;
  while (end < lines.length && lines[end].startsWith('|')) end += 1;
  lines.splice(start, end - start, table);
  writeFileSync(path, lines.join('\n'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--write')) writeIntoDoc(renderModuleMap());
  else console.log(renderModuleMap());
}
