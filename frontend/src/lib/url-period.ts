import { customRange } from './dates';

/**
 * A period handed over in a link (`?from=yyyy-mm-dd&to=yyyy-mm-dd`, both days included), as the home page's tiles
 * send it: the dates when both are valid and in order, else null (the page keeps its default).
 */
export function periodFromSearch(params: URLSearchParams): { from: string; to: string } | null {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return customRange(from, to) ? { from, to } : null;
}
