import { describe, expect, it } from 'vitest';
import { slugify } from './slug';

describe('slugify', () => {
  it.each([
    ['Acme Coffee', 'acme-coffee'],
    ['Кофейня №1', 'kofeynya-no1'],
    ['Щастие и Ъгъл', 'shtastie-i-agal'],
    ['Ёлка', 'elka'],
    ['Café Crème', 'cafe-creme'],
    ['  --  ', 'workspace'],
    ['🙂', 'workspace'],
  ])('%s -> %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('keeps slugs short and without a trailing dash', () => {
    const slug = slugify(`${'a'.repeat(59)} b`);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith('-')).toBe(false);
  });
});
