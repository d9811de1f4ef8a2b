import { describe, expect, it } from 'vitest';
import { spreadsheetSafe } from './csv-safety';

describe('spreadsheetSafe', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `'=HYPERLINK("http://evil")`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['Хорошо', 'Хорошо'],
    ['a=b', 'a=b'],
  ])('%s -> %s', (input, output) => {
    expect(spreadsheetSafe(input)).toBe(output);
  });
});
