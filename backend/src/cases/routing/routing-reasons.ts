/** Why a case moved to another touchpoint or owner; the first two say the case had been routed to the wrong place. */
export const HOP_REASONS = ['wrong_touchpoint', 'wrong_owner', 'escalation', 'workload', 'absence', 'other'] as const;
export type HopReason = (typeof HOP_REASONS)[number];

/** Reasons that count as misrouting. */
export const MISROUTED_REASONS: readonly HopReason[] = ['wrong_touchpoint', 'wrong_owner'];

/** How a case got its first owner when it opened (CasesService.open). */
export const ROUTING_RULES = ['explicit', 'round_robin', 'touchpoint_owner', 'unassigned'] as const;
export type RoutingRule = (typeof ROUTING_RULES)[number];
