/** The behaviours that raise an early warning before a customer leaves. */
export const WARNING_RULES = ['rhythm_break', 'payments_stopped', 'usage_drop', 'rfm_at_risk'] as const;
export type WarningRule = (typeof WARNING_RULES)[number];
