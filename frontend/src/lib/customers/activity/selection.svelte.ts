import { session } from '$lib/session.svelte';
import type { RfmGroup } from './model';

/** The RFM group the Customers list is filtered by (a grid cell or group chip); per workspace, like the colour chips. */
class RfmSelection {
  #chosen = $state<{ workspaceId: string | null; group: RfmGroup | '' }>({ workspaceId: null, group: '' });

  readonly group = $derived<RfmGroup | ''>(this.#chosen.workspaceId === session.workspaceId ? this.#chosen.group : '');

  choose(group: RfmGroup | ''): void {
    this.#chosen = { workspaceId: session.workspaceId, group };
  }

  /** For API queries: `{ rfmGroup }` when a group is picked, else nothing. */
  readonly query = $derived<{ rfmGroup?: RfmGroup }>(this.group ? { rfmGroup: this.group } : {});
}

export const rfmSelection = new RfmSelection();
