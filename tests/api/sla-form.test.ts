import { describe, expect, it } from 'vitest';
import { inheritedHours, percentFromShare, shareFromPercent, type CellHours } from '@otklik/frontend/src/lib/touchpoints/sla-form';

/** The SLA policy form's conversions (issue 14 item 8): the warning shown in percent, empty cells naming what they inherit. */
describe('SLA policy form', () => {
  it('shows the 0–1 warning share as a percent and sends a share back', () => {
    expect(percentFromShare(0.8)).toBe('80');
    expect(percentFromShare(0.755)).toBe('75.5');
    expect(shareFromPercent('80')).toBe(0.8);
    expect(shareFromPercent(' 75,5 % ')).toBe(0.755);
    expect(shareFromPercent('')).toBeNaN();
    expect(shareFromPercent('eighty')).toBeNaN();
  });

  it('names the value an empty cell inherits in the order the server resolves it', () => {
    const cell = (first = '', resolution = ''): CellHours => ({ first, resolution });
    const grid: Record<string, Record<string, CellHours>> = {
      '*': { '*': cell('9', '0'), chat: cell('1') },
      urgent: { '*': cell('', '4'), chat: cell() },
    };
    expect(inheritedHours(grid, 'urgent', 'chat', 'resolution')).toBe(4); // urgent · any channel
    expect(inheritedHours(grid, 'urgent', 'chat', 'first')).toBe(1); // any priority · chat
    expect(inheritedHours(grid, 'urgent', '*', 'first')).toBe(9); // any · any
    expect(inheritedHours(grid, '*', 'chat', 'resolution')).toBeNull(); // "0" up the chain = no target
    expect(inheritedHours(grid, '*', '*', 'first')).toBeNull(); // the top cell inherits nothing
  });
});
