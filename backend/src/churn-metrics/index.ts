/**
 * Churn metrics: customer and revenue churn, money lost, save rate, inactivity, cancellation reasons,
 * cohorts and funnel status. Pure functions over plain values; survey-metric helpers (Wilson interval,
 * rounding, month buckets) come from ../metrics.
 */
export * from './avoidable';
export * from './avoidable-by-month';
export * from './churn-rate';
export * from './cohorts';
export * from './effective-loss';
export * from './funnel';
export * from './funnel-breakdown';
export * from './inactive';
export * from './money';
export * from './money-lost';
export * from './month-windows';
export * from './reason-groups';
export * from './reason-tallies';
export * from './reason-totals';
export * from './reasons-by-month';
export * from './save-rate';
