/** Workspace roles, most to least powerful in what they may change. */
export const ROLES = ['admin', 'analyst', 'owner', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
