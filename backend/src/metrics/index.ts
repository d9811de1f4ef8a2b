/**
 * Survey metrics: the one place the NPS, CSAT, CES, response-rate, time-series and significance rules
 * live. Pure functions over plain values; the API, dashboard and exports all call these.
 */
export * from './calendar-months';
export * from './ces';
export * from './civil-date';
export * from './csat';
export * from './distribution';
export * from './interval';
export * from './mean';
export * from './normal';
export * from './nps';
export * from './periods';
export * from './proportion';
export * from './rates';
export * from './rounding';
export * from './score-counts';
export * from './significance';
export * from './time-buckets';
export * from './validate';
export * from './zoned-time';
