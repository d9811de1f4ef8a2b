import type { EntityManager } from 'typeorm';

// The seam through which the cases module hears that a touchpoint got a new owner, inside the transaction that
// saves the touchpoint (so the cases follow the owner or nothing changes). Registered by the cases module under
// TOUCHPOINT_OWNER_CHANGED; absent, a new owner changes no cases.

export interface TouchpointOwnerChange {
  /** Hands the touchpoint's open, unassigned cases to the new owner; returns how many. */
  ownerSet(manager: EntityManager, workspaceId: string, touchpointId: string, ownerId: string): Promise<number>;
}

export const TOUCHPOINT_OWNER_CHANGED = 'TOUCHPOINT_OWNER_CHANGED';
