import { Latest } from '$lib/latest';
import { toApiError, type ApiError } from '$lib/api/errors';
import { listCases } from './api';
import type { Case, CaseQuery } from './types';

const PAGE = 50;

/**
 * The inbox list: the first page for the current filters and "Load more" by cursor. Every load carries a
 * `Latest` check, so an answer for filters the user has already changed is dropped.
 */
export class CaseInbox {
  items = $state<Case[]>([]);
  nextCursor = $state<string | null>(null);
  /** True until the first page for the current filters arrives. */
  loading = $state(true);
  loadingMore = $state(false);
  error = $state<ApiError | null>(null);
  moreError = $state<ApiError | null>(null);

  readonly #latest = new Latest();
  #workspaceId: string | null = null;
  #query: CaseQuery = {};

  async reset(workspaceId: string, query: CaseQuery): Promise<void> {
    const isLatest = this.#latest.next();
    this.#workspaceId = workspaceId;
    this.#query = query;
    this.loading = true;
    this.error = null;
    this.moreError = null;
    try {
      const page = await listCases(workspaceId, { ...query, limit: PAGE });
      if (!isLatest()) return;
      this.items = page.items;
      this.nextCursor = page.nextCursor;
    } catch (e) {
      if (isLatest()) this.error = toApiError(e);
    } finally {
      if (isLatest()) this.loading = false;
    }
  }

  /** Loads the first page again with the same filters (e.g. after a new case). */
  reload(): Promise<void> {
    return this.#workspaceId ? this.reset(this.#workspaceId, this.#query) : Promise.resolve();
  }

  async more(): Promise<void> {
    if (!this.#workspaceId || !this.nextCursor || this.loadingMore) return;
    const isLatest = this.#latest.current();
    this.loadingMore = true;
    this.moreError = null;
    try {
      const page = await listCases(this.#workspaceId, { ...this.#query, limit: PAGE, cursor: this.nextCursor });
      if (!isLatest()) return;
      const known = new Set(this.items.map((c) => c.id));
      this.items = [...this.items, ...page.items.filter((c) => !known.has(c.id))];
      this.nextCursor = page.nextCursor;
    } catch (e) {
      if (isLatest()) this.moreError = toApiError(e);
    } finally {
      this.loadingMore = false;
    }
  }

  /**
   * Shows a new owner on rows in place. The rows stay where they are even if they no longer match the
   * filter, so keyboard focus and the person's place in the list do not jump; the next load re-filters.
   */
  setOwner(ids: readonly string[], ownerId: string | null): void {
    const changed = new Set(ids);
    this.items = this.items.map((c) => (changed.has(c.id) ? { ...c, ownerId } : c));
  }
}
