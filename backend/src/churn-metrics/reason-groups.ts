import { round1 } from '../metrics/rounding';

export interface GroupReasonCell {
  reasonKey: string;
  count: number;
  /** count / the group's cancellations in percent, 1 decimal. */
  percent: number;
}

export interface ReasonGroup {
  /** The segment, plan or touchpoint; null for cancellations without one. */
  group: string | null;
  total: number;
  /** Reasons picked in this group, most picked first (then by key); reasons never picked here are left out. */
  reasons: GroupReasonCell[];
}

/**
 * Cancellation reasons per group (segment, plan, touchpoint). Groups are ordered by size, largest
 * first, then by name with the null group last.
 *
 * Worked example: segment "smb" has price ×2 and moved ×1 → price 66.7 %, moved 33.3 %;
 * segment "enterprise" has support ×1 → support 100 %.
 */
export function reasonsByGroup(cancellations: readonly { group: string | null; reasonKey: string }[]): ReasonGroup[] {
  const groups = new Map<string | null, Map<string, number>>();
  cancellations.forEach((c, i) => {
    if (typeof c.reasonKey !== 'string') throw new RangeError(`cancellations[${i}].reasonKey is not a string`);
    if (c.group !== null && typeof c.group !== 'string') throw new RangeError(`cancellations[${i}].group is not a string or null`);
    let reasons = groups.get(c.group);
    if (!reasons) groups.set(c.group, (reasons = new Map()));
    reasons.set(c.reasonKey, (reasons.get(c.reasonKey) ?? 0) + 1);
  });
  const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...groups.entries()]
    .map(([group, reasons]) => {
      const total = [...reasons.values()].reduce((sum, n) => sum + n, 0);
      return {
        group,
        total,
        reasons: [...reasons.entries()]
          .map(([reasonKey, count]) => ({ reasonKey, count, percent: round1((count * 100) / total) }))
          .sort((a, b) => b.count - a.count || byKey(a.reasonKey, b.reasonKey)),
      };
    })
    .sort((a, b) => {
      if (b.total !== a.total) return b.total - a.total;
      if (a.group === null) return 1;
      if (b.group === null) return -1;
      return byKey(a.group, b.group);
    });
}
