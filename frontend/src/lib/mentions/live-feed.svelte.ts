import { Latest } from '$lib/latest';
import { toApiError, type ApiError } from '$lib/api/errors';
import { listMentions } from './api';
import type { Mention, MentionQuery } from './types';

/** How often a visible page asks for mentions stored since the newest one it has. */
export const LIVE_POLL_MS = 10_000;
const PAGE = 50;

/**
 * The feed: the first page for the current filters, "Load more" by cursor, and live updates that ask
 * for mentions stored after the newest one seen (`newerThan`) and put them on top. Every load carries a
 * `Latest` check, so an answer for filters the user has already changed is dropped.
 */
export class LiveFeed {
  items = $state<Mention[]>([]);
  nextCursor = $state<string | null>(null);
  loading = $state(false);
  loadingMore = $state(false);
  error = $state<ApiError | null>(null);
  liveError = $state(false);
  /** Mentions that arrived live since the user last went back to the top. */
  fresh = $state(0);
  freshIds = $state<Set<string>>(new Set());

  readonly #latest = new Latest();
  #workspaceId: string | null = null;
  #query: MentionQuery = {};
  /** Stored-at watermark for `newerThan`: the newest createdAt seen, or when the first page was asked for. */
  #newest = '';

  async reset(workspaceId: string, query: MentionQuery): Promise<void> {
    const isLatest = this.#latest.next();
    this.#workspaceId = workspaceId;
    this.#query = query;
    this.loading = true;
    this.error = null;
    this.fresh = 0;
    this.freshIds = new Set();
    const askedAt = new Date().toISOString();
    try {
      const page = await listMentions(workspaceId, { ...query, limit: PAGE });
      if (!isLatest()) return;
      this.items = page.items;
      this.nextCursor = page.nextCursor;
      this.#newest = page.items.reduce((max, m) => (m.createdAt > max ? m.createdAt : max), askedAt);
    } catch (e) {
      if (isLatest()) this.error = toApiError(e);
    } finally {
      if (isLatest()) this.loading = false;
    }
  }

  async more(): Promise<void> {
    if (!this.#workspaceId || !this.nextCursor || this.loadingMore) return;
    const isLatest = this.#latest.current();
    this.loadingMore = true;
    try {
      const page = await listMentions(this.#workspaceId, { ...this.#query, limit: PAGE, cursor: this.nextCursor });
      if (!isLatest()) return;
      const known = new Set(this.items.map((m) => m.id));
      this.items = [...this.items, ...page.items.filter((m) => !known.has(m.id))];
      this.nextCursor = page.nextCursor;
    } catch (e) {
      if (isLatest()) this.error = toApiError(e);
    } finally {
      this.loadingMore = false;
    }
  }

  /** One live check; returns how many new mentions were added on top. */
  async poll(): Promise<number> {
    if (!this.#workspaceId || this.loading || !this.#newest) return 0;
    const isLatest = this.#latest.current();
    try {
      const page = await listMentions(this.#workspaceId, { ...this.#query, newerThan: this.#newest, limit: 100 });
      if (!isLatest()) return 0;
      this.liveError = false;
      // The watermark is rounded to milliseconds, so the newest row may come back again: skip known ids.
      const known = new Set(this.items.map((m) => m.id));
      const added = page.items.filter((m) => !known.has(m.id));
      for (const m of page.items) if (m.createdAt > this.#newest) this.#newest = m.createdAt;
      if (added.length === 0) return 0;
      this.items = [...added, ...this.items];
      this.fresh += added.length;
      this.freshIds = new Set([...this.freshIds, ...added.map((m) => m.id)]);
      return added.length;
    } catch {
      if (isLatest()) this.liveError = true;
      return 0;
    }
  }

  /** Replaces one mention in place after an edit in the side panel. */
  replace(mention: Mention): void {
    this.items = this.items.map((m) => (m.id === mention.id ? { ...m, ...mention } : m));
  }

  seen(): void {
    this.fresh = 0;
    this.freshIds = new Set();
  }
}
