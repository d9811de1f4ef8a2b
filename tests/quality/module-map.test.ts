/**
 * docs/ARCHITECTURE.md's module map is the code's: which module owns which tables (its entities) and which modules
 * it imports (the allowed arrows). A new table or arrow fails here until the map says it (`node tools/module-map.mjs`).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain ES module without types, shared with the command line
import { readModuleMap, renderModuleMap } from '../../tools/module-map.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('module map', () => {
  const map: Map<string, { tables: string[]; uses: string[] }> = readModuleMap();

  it('every table is owned by exactly one module', () => {
    const owners = new Map<string, string[]>();
    for (const [name, { tables }] of map) for (const table of tables) owners.set(table, [...(owners.get(table) ?? []), name]);
    expect([...owners].filter(([, by]) => by.length > 1)).toEqual([]);
    expect(owners.size).toBeGreaterThanOrEqual(38);
  });

  it('docs/ARCHITECTURE.md shows the map as the code has it', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');
    expect(doc).toContain(renderModuleMap(map));
  });
});
