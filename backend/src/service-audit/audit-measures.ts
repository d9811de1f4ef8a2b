/** What a criterion measures: computed from cases, surveys and mentions, or scored by a person with a checklist. */
export const AUDIT_MEASURES = [
  'first_response_minutes',
  'resolution_days',
  'reopened_percent',
  'sla_breach_percent',
  'csat_mean',
  'nps',
  'ces_mean',
  'negative_mentions_percent',
  'case_count',
  'checklist_percent',
] as const;
export type AuditMeasure = (typeof AUDIT_MEASURES)[number];

export const AUDIT_DIRECTIONS = ['higher_better', 'lower_better'] as const;
export type AuditDirection = (typeof AUDIT_DIRECTIONS)[number];

/** A grid cell's colour; no_data when the month has nothing to measure. */
export const AUDIT_COLOURS = ['green', 'yellow', 'red', 'no_data'] as const;
export type AuditColour = (typeof AUDIT_COLOURS)[number];

/** The unit and the usual direction and thresholds of each measure, offered when a criterion is created. */
export interface MeasureDefault {
  measure: AuditMeasure;
  unit: string;
  direction: AuditDirection;
  green: number;
  yellow: number;
}

export const MEASURE_DEFAULTS: Record<AuditMeasure, MeasureDefault> = {
  first_response_minutes: { measure: 'first_response_minutes', unit: 'min', direction: 'lower_better', green: 15, yellow: 60 },
  resolution_days: { measure: 'resolution_days', unit: 'days', direction: 'lower_better', green: 1, yellow: 3 },
  reopened_percent: { measure: 'reopened_percent', unit: '%', direction: 'lower_better', green: 5, yellow: 10 },
  sla_breach_percent: { measure: 'sla_breach_percent', unit: '%', direction: 'lower_better', green: 5, yellow: 15 },
  csat_mean: { measure: 'csat_mean', unit: 'score', direction: 'higher_better', green: 4.5, yellow: 4 },
  nps: { measure: 'nps', unit: 'points', direction: 'higher_better', green: 50, yellow: 20 },
  ces_mean: { measure: 'ces_mean', unit: 'score', direction: 'higher_better', green: 4, yellow: 3.5 },
  negative_mentions_percent: { measure: 'negative_mentions_percent', unit: '%', direction: 'lower_better', green: 10, yellow: 25 },
  case_count: { measure: 'case_count', unit: 'cases', direction: 'lower_better', green: 10, yellow: 25 },
  checklist_percent: { measure: 'checklist_percent', unit: '%', direction: 'higher_better', green: 90, yellow: 75 },
};

/** Values are compared as shown (2 decimals), so a cell that reads 15 is coloured as 15. */
export const roundValue = (value: number): number => Math.round(value * 100) / 100;

/**
 * The traffic light: lower-better is green when value ≤ green, yellow when ≤ yellow, else red; higher-better is
 * mirrored (≥). The edges are inclusive. No value → no_data.
 */
export function colourOf(value: number | null, t: { direction: AuditDirection; green: number; yellow: number }): AuditColour {
  if (value === null) return 'no_data';
  const v = roundValue(value);
  if (t.direction === 'lower_better') return v <= t.green ? 'green' : v <= t.yellow ? 'yellow' : 'red';
  return v >= t.green ? 'green' : v >= t.yellow ? 'yellow' : 'red';
}

/** Thresholds in order: for lower-better green ≤ yellow, for higher-better green ≥ yellow (the table checks it too). */
export const thresholdsInOrder = (t: { direction: AuditDirection; green: number; yellow: number }): boolean =>
  t.direction === 'lower_better' ? t.green <= t.yellow : t.green >= t.yellow;
