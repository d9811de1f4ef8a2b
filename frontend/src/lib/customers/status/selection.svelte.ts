import { session } from '$lib/session.svelte';
import type { ColourStatus } from './model';

/** The colour status the Customers list is filtered by (a funnel chip); per workspace, so switching starts unfiltered. */
class ColourSelection {
  #chosen = $state<{ workspaceId: string | null; status: ColourStatus | '' }>({ workspaceId: null, status: '' });

  readonly status = $derived<ColourStatus | ''>(this.#chosen.workspaceId === session.workspaceId ? this.#chosen.status : '');

  choose(status: ColourStatus | ''): void {
    this.#chosen = { workspaceId: session.workspaceId, status };
  }

  /** For API queries: `{ colourStatus }` when a status is picked, else nothing. */
  readonly query = $derived<{ colourStatus?: ColourStatus }>(this.status ? { colourStatus: this.status } : {});
}

export const colourSelection = new ColourSelection();
