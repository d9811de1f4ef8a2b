import { Latest } from './latest';
import { untrack } from 'svelte';
import type { ApiError } from './api/errors';
import { toApiError } from './api/errors';
import { session } from './session.svelte';

/**
 * Data that belongs to the current workspace. Loads when created, and again
 * whenever the workspace switcher changes (or `enabled()` becomes true).
 * Must be created during component initialisation.
 */
export class WorkspaceResource<T> {
  data = $state<T | undefined>(undefined);
  error = $state<ApiError | null>(null);
  loading = $state(false);
  readonly #latest = new Latest();
  #loadedFor: string | null = null;
  #fetch: (workspaceId: string) => Promise<T>;

  constructor(fetch: (workspaceId: string) => Promise<T>, enabled: () => boolean = () => true) {
    this.#fetch = fetch;
    $effect(() => {
      const workspaceId = session.workspaceId;
      const on = enabled();
      untrack(() => {
        if (workspaceId && on) void this.#load(workspaceId);
        else this.#reset();
      });
    });
  }

  /** Loads again for the current workspace (e.g. after a change). */
  reload(): Promise<void> {
    const workspaceId = session.workspaceId;
    return workspaceId ? this.#load(workspaceId) : Promise.resolve();
  }

  #reset(): void {
    this.#latest.drop();
    this.#loadedFor = null;
    this.data = undefined;
    this.error = null;
    this.loading = false;
  }

  async #load(workspaceId: string): Promise<void> {
    const isLatest = this.#latest.next();
    // Never show another workspace's rows while the new ones load.
    if (this.#loadedFor !== workspaceId) this.data = undefined;
    this.loading = true;
    this.error = null;
    try {
      const data = await this.#fetch(workspaceId);
      if (isLatest()) {
        this.data = data;
        this.#loadedFor = workspaceId;
      }
    } catch (error) {
      if (isLatest()) this.error = toApiError(error);
    } finally {
      if (isLatest()) this.loading = false;
    }
  }
}
