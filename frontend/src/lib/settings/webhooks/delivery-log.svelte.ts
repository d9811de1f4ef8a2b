import { Latest } from '$lib/latest';
import { api, unwrap } from '$lib/api/client';
import { toApiError, type ApiError } from '$lib/api/errors';
import { DELIVERY_PAGE, isInFlight, MAX_DELIVERY_PAGE, type Delivery, type DeliveryPage, type DeliveryStatus } from './model';

/** Newest first, as the server orders them (created_at, then id, descending). */
const isOlder = (a: Delivery, b: Delivery): boolean => a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);

/**
 * The delivery log of one endpoint: the first page, more pages by cursor, a status filter, and a
 * refresh that re-reads what is shown (used while deliveries are in flight).
 */
export class DeliveryLog {
  items = $state<Delivery[]>([]);
  nextCursor = $state<string | null>(null);
  status = $state<DeliveryStatus | ''>('');
  loaded = $state(false);
  loading = $state(false);
  loadingMore = $state(false);
  error = $state<ApiError | null>(null);
  readonly inFlight = $derived(this.items.some((d) => isInFlight(d.status)));
  /** Bumped by every fresh load, so answers for an older filter or endpoint are dropped. */
  readonly #latest = new Latest();

  readonly workspaceId: string;
  readonly webhookId: string;

  constructor(workspaceId: string, webhookId: string) {
    this.workspaceId = workspaceId;
    this.webhookId = webhookId;
  }

  #fetch(limit: number, cursor?: string): Promise<DeliveryPage> {
    return unwrap(
      api.GET('/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries', {
        params: {
          path: { workspaceId: this.workspaceId, webhookId: this.webhookId },
          query: { limit, ...(this.status ? { status: this.status } : {}), ...(cursor ? { cursor } : {}) },
        },
      }),
    );
  }

  /** The first page for the current filter. */
  async load(): Promise<void> {
    const isLatest = this.#latest.next();
    this.loading = true;
    this.error = null;
    try {
      const page = await this.#fetch(DELIVERY_PAGE);
      if (!isLatest()) return;
      this.items = page.items;
      this.nextCursor = page.nextCursor;
      this.loaded = true;
    } catch (error) {
      if (isLatest()) this.error = toApiError(error);
    } finally {
      if (isLatest()) this.loading = false;
    }
  }

  async loadMore(): Promise<void> {
    const cursor = this.nextCursor;
    if (!cursor || this.loadingMore) return;
    const isLatest = this.#latest.current();
    this.loadingMore = true;
    this.error = null;
    try {
      const page = await this.#fetch(DELIVERY_PAGE, cursor);
      if (!isLatest()) return;
      const shown = new Set(this.items.map((d) => d.id));
      this.items = [...this.items, ...page.items.filter((d) => !shown.has(d.id))];
      this.nextCursor = page.nextCursor;
    } catch (error) {
      if (isLatest()) this.error = toApiError(error);
    } finally {
      this.loadingMore = false;
    }
  }

  /**
   * Re-reads the newest rows (as many as are shown, up to the server's page limit) and keeps the
   * older rows already loaded beyond them, so "Load more" still continues where it left off.
   */
  async refresh(): Promise<void> {
    if (this.loading || this.loadingMore) return;
    const isLatest = this.#latest.current();
    const limit = Math.min(MAX_DELIVERY_PAGE, Math.max(DELIVERY_PAGE, this.items.length));
    try {
      const page = await this.#fetch(limit);
      if (!isLatest() || this.loadingMore) return;
      const last = page.items[page.items.length - 1];
      const fresh = new Set(page.items.map((d) => d.id));
      const tail = page.nextCursor && last ? this.items.filter((d) => !fresh.has(d.id) && isOlder(d, last)) : [];
      this.items = [...page.items, ...tail];
      if (tail.length === 0) this.nextCursor = page.nextCursor;
    } catch {
      // A failed background refresh keeps what is shown; the next one tries again.
    }
  }

  /** A delivery just queued (test event, replay) goes on top without waiting for a refresh. */
  prepend(delivery: Delivery): void {
    if (this.status && this.status !== delivery.status) return;
    this.items = [delivery, ...this.items.filter((d) => d.id !== delivery.id)];
  }
}
