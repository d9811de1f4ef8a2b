import { round1 } from '../metrics/rounding';

export interface AvoidableShare {
  count: number;
  /** count / total in percent, 1 decimal; null when there are no cancellations. */
  percent: number | null;
}

export interface AvoidableSplit {
  total: number;
  /** Reasons the business could act on (price, missing feature, bad support). */
  avoidable: AvoidableShare;
  /** Reasons outside its control (business closed, moved away, no longer needed). */
  unavoidable: AvoidableShare;
  /** Reason keys absent from the mapping: a new or renamed reason that still needs classifying. */
  unknown: AvoidableShare;
  /** The unclassified keys, sorted, so the settings page can ask for them. */
  unknownKeys: string[];
  /** Unrounded percents of total; null when total = 0. */
  exact: { avoidable: number; unavoidable: number; unknown: number } | null;
}

/**
 * Splits cancellations by whether their reason was avoidable. Shares are of all cancellations,
 * unknown included, so the three percents add up to 100 (before rounding).
 *
 * Worked example: 6 cancellations, reasons price ×3 (avoidable), moved ×2 (unavoidable), "new_key" ×1
 * (not in the map) → 3/6 = 50 %, 2/6 = 33.3 %, 1/6 = 16.7 %.
 *
 * Only the mapping's own keys count: "constructor" or "toString" are not inherited classifications.
 */
export function avoidableSplit(
  cancellations: readonly { reasonKey: string }[],
  avoidableByKey: Readonly<Record<string, boolean>>,
): AvoidableSplit {
  let avoidable = 0;
  let unavoidable = 0;
  let unknown = 0;
  const unknownKeys = new Set<string>();
  cancellations.forEach(({ reasonKey }, i) => {
    if (typeof reasonKey !== 'string') throw new RangeError(`cancellations[${i}].reasonKey is not a string`);
    if (Object.prototype.hasOwnProperty.call(avoidableByKey, reasonKey)) {
      const flag = avoidableByKey[reasonKey];
      if (typeof flag !== 'boolean') throw new RangeError(`avoidableByKey.${reasonKey} is not a boolean`);
      if (flag) avoidable++;
      else unavoidable++;
    } else {
      unknown++;
      unknownKeys.add(reasonKey);
    }
  });
  const total = cancellations.length;
  const share = (count: number): AvoidableShare => ({ count, percent: total === 0 ? null : round1((count * 100) / total) });
  return {
    total,
    avoidable: share(avoidable),
    unavoidable: share(unavoidable),
    unknown: share(unknown),
    unknownKeys: [...unknownKeys].sort(),
    exact:
      total === 0
        ? null
        : { avoidable: (avoidable * 100) / total, unavoidable: (unavoidable * 100) / total, unknown: (unknown * 100) / total },
  };
}
