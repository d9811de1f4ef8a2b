// Converting an SLA policy to and from what the editor shows: hours in a priority × channel grid and
// "09:00-18:00, …" per weekday. Pure, so the page stays thin.
import type { SlaPolicy } from './model';

type Rules = SlaPolicy['rules'];
type Rule = { firstResponseMinutes?: number | null; resolutionMinutes?: number | null; clock?: 'business' | 'calendar' };
/** One grid cell: hours as typed; '' = inherit from a less specific rule, '0' = no target. */
export interface CellHours {
  first: string;
  resolution: string;
}

const toHours = (minutes: number | null | undefined): string =>
  minutes === undefined ? '' : minutes === null ? '0' : String(Math.round((minutes / 60) * 100) / 100);

/** undefined = leave out; null = no target; a number of minutes; NaN keeps bad input so the server names it. */
function toMinutes(hours: string): number | null | undefined {
  const text = hours.trim().replace(',', '.');
  if (text === '') return undefined;
  const value = Number(text);
  if (value === 0) return null;
  return Number.isFinite(value) ? Math.round(value * 60) : (text as unknown as number);
}

export function gridFromRules(
  rules: Rules,
  priorities: readonly string[],
  channels: readonly string[],
): Record<string, Record<string, CellHours>> {
  const all = rules as Record<string, Record<string, Rule>>;
  const grid: Record<string, Record<string, CellHours>> = {};
  for (const p of priorities) {
    grid[p] = {};
    for (const c of channels) {
      const rule = all[p]?.[c];
      grid[p][c] = { first: toHours(rule?.firstResponseMinutes), resolution: toHours(rule?.resolutionMinutes) };
    }
  }
  return grid;
}

/** Rules from the grid, keeping a rule's own clock when it had one. */
export function rulesFromGrid(grid: Record<string, Record<string, CellHours>>, previous: Rules): Rules {
  const old = previous as Record<string, Record<string, Rule>>;
  const out: Record<string, Record<string, Rule>> = {};
  for (const [p, byChannel] of Object.entries(grid)) {
    for (const [c, cell] of Object.entries(byChannel)) {
      const rule: Rule = {};
      const first = toMinutes(cell.first);
      const resolution = toMinutes(cell.resolution);
      if (first !== undefined) rule.firstResponseMinutes = first;
      if (resolution !== undefined) rule.resolutionMinutes = resolution;
      if (old[p]?.[c]?.clock) rule.clock = old[p][c].clock;
      if (Object.keys(rule).length) (out[p] ??= {})[c] = rule;
    }
  }
  return out as Rules;
}

type Intervals = { start: string; end: string }[];

export const intervalsText = (list: Intervals | undefined): string => (list ?? []).map((iv) => `${iv.start}-${iv.end}`).join(', ');

/** "09:00-13:00, 14:00-18:00" → intervals; malformed parts are passed on for the server to name. */
export function parseIntervals(text: string): Intervals {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [start = '', end = ''] = part.split(/(?<!\s)\s*[-–]\s*/);
      return { start, end };
    });
}

/**
 * What an empty cell falls back to, in hours (null = no target), following the server's order
 * (backend/src/sla/clock/policy.ts): this priority's "any channel", then "any priority" for this channel, then both any.
 */
export function inheritedHours(
  grid: Record<string, Record<string, CellHours>>,
  priority: string,
  channel: string,
  field: keyof CellHours,
): number | null {
  const chain = [grid[priority]?.['*'], grid['*']?.[channel], grid['*']?.['*']];
  const seen = new Set<CellHours>([grid[priority]?.[channel]]);
  for (const cell of chain) {
    if (!cell || seen.has(cell)) continue;
    seen.add(cell);
    const text = cell[field].trim().replace(',', '.');
    if (text === '') continue;
    const value = Number(text);
    return Number.isFinite(value) && value > 0 ? value : null;
  }
  return null;
}

/** The warning threshold shown as a percent (0.8 → "80"). */
export const percentFromShare = (share: number): string => String(Math.round(share * 1000) / 10);

/** "80" / "80 %" / "80,5" → 0.8 / 0.805 for the API; anything else goes on as NaN→null for the server to name. */
export function shareFromPercent(text: string): number {
  const clean = text.replace('%', '').trim().replace(',', '.');
  const value = clean === '' ? Number.NaN : Number(clean);
  return Number.isFinite(value) ? Math.round(value * 10) / 1000 : Number.NaN;
}
