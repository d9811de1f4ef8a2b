/** Who did something, for the audit trail. */
export interface Actor {
  kind: 'user' | 'token' | 'system';
  userId: string | null;
  tokenId?: string;
}

export const SYSTEM: Actor = { kind: 'system', userId: null };
