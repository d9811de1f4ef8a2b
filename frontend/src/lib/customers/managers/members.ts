import { api, unwrap } from '$lib/api/client';
import type { Member } from '$lib/api/types';

/** The workspace's members, by name: who can be an account manager. */
export async function accountManagerChoices(workspaceId: string): Promise<Member[]> {
  const members = await unwrap(api.GET('/api/v1/workspaces/{workspaceId}/members', { params: { path: { workspaceId } } }));
  return [...members].sort((a, b) => (a.name || a.email).localeCompare(b.name || b.email));
}

/** A member as the pickers show them. */
export const memberLabel = (m: Pick<Member, 'name' | 'email'>) => m.name || m.email;
