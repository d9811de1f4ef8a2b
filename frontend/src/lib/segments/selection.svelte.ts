import { goto } from '$app/navigation';
import { page } from '$app/state';
import { session } from '$lib/session.svelte';

const STORAGE_PREFIX = 'otklik.segment.';

function stored(workspaceId: string | null): string {
  if (typeof sessionStorage === 'undefined' || !workspaceId) return '';
  return sessionStorage.getItem(STORAGE_PREFIX + workspaceId) ?? '';
}

/**
 * The saved segment the analytics pages are filtered by. It lives in the URL (`?segment=<id>`, so a link shows the
 * same figures) and is remembered for the tab's session per workspace, so it follows the user from page to page.
 * Until the workspace's segments are known, an id is taken on trust; an id that is not among them counts as none.
 */
class SegmentSelection {
  /** The workspace's segment ids, once the picker has loaded them. */
  known = $state<string[] | null>(null);
  #remembered = $state<Record<string, string>>({});

  /** The id asked for: the URL's, else the one remembered for this workspace. */
  readonly requested = $derived.by(() => {
    const fromUrl = page.url.searchParams.get('segment');
    if (fromUrl !== null) return fromUrl;
    const workspaceId = session.workspaceId;
    return workspaceId ? (this.#remembered[workspaceId] ?? stored(workspaceId)) : '';
  });

  /** The id in effect ('' for all customers). */
  readonly id = $derived(this.requested && (this.known === null || this.known.includes(this.requested)) ? this.requested : '');

  /** The URL asked for an id the workspace does not have (deleted, or another workspace's). */
  readonly missing = $derived(this.requested !== '' && this.known !== null && !this.known.includes(this.requested));

  /** Picks a segment ('' for all customers): remembered, and put in the URL without a new history entry. */
  choose(id: string): void {
    this.remember(id);
    this.syncUrl(id);
  }

  /** Remembers the id for this workspace (a link with ?segment= counts as a choice). */
  remember(id: string): void {
    const workspaceId = session.workspaceId;
    if (!workspaceId || this.#remembered[workspaceId] === id) return;
    this.#remembered = { ...this.#remembered, [workspaceId]: id };
    if (typeof sessionStorage === 'undefined') return;
    if (id) sessionStorage.setItem(STORAGE_PREFIX + workspaceId, id);
    else sessionStorage.removeItem(STORAGE_PREFIX + workspaceId);
  }

  /** Writes the id into the current page's URL when it differs. */
  syncUrl(id: string): void {
    const url = new URL(page.url);
    if ((url.searchParams.get('segment') ?? '') === id) return;
    if (id) url.searchParams.set('segment', id);
    else url.searchParams.delete('segment');
    void goto(url, { replaceState: true, keepFocus: true, noScroll: true });
  }

  /** For API queries: `{ segmentId }` when a segment is picked, else nothing. */
  readonly query = $derived<{ segmentId?: string }>(this.id ? { segmentId: this.id } : {});
}

export const segmentSelection = new SegmentSelection();
