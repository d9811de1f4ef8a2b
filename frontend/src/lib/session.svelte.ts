import { api, configureApiClient, unwrap } from './api/client';
import { toApiError } from './api/errors';
import type { Session, User, WorkspaceSummary } from './api/types';
import { canManage } from './api/types';
import { i18n } from './i18n/index.svelte';

const WORKSPACE_KEY = 'otklik.workspace';

export type SessionStatus = 'unknown' | 'authenticated' | 'anonymous';

function readStoredWorkspace(): string | null {
  try {
    return localStorage.getItem(WORKSPACE_KEY);
  } catch {
    return null;
  }
}

function storeWorkspace(id: string | null): void {
  try {
    if (id) localStorage.setItem(WORKSPACE_KEY, id);
    else localStorage.removeItem(WORKSPACE_KEY);
  } catch {
    // storage unavailable: selection lasts for this page only
  }
}

/**
 * The signed-in user, their workspaces and the CSRF token, loaded from
 * GET /api/v1/auth/session. One instance for the whole app.
 */
class SessionStore {
  status = $state<SessionStatus>('unknown');
  user = $state<User | null>(null);
  workspaces = $state<WorkspaceSummary[]>([]);
  csrfToken = $state<string | null>(null);
  #preferredWorkspaceId = $state<string | null>(typeof window === 'undefined' ? null : readStoredWorkspace());
  #pending: Promise<SessionStatus> | null = null;

  /** The selected workspace: the stored choice if still available, else the first. */
  readonly currentWorkspace = $derived<WorkspaceSummary | null>(
    this.workspaces.find((w) => w.id === this.#preferredWorkspaceId) ?? this.workspaces[0] ?? null,
  );
  readonly workspaceId = $derived<string | null>(this.currentWorkspace?.id ?? null);
  readonly isAdmin = $derived<boolean>(canManage(this.currentWorkspace?.role));

  /** Loads the session once; later calls reuse the result. */
  ensure(): Promise<SessionStatus> {
    if (this.status !== 'unknown') return Promise.resolve(this.status);
    return this.refresh();
  }

  /** Reloads the session from the server (401 means signed out). */
  refresh(): Promise<SessionStatus> {
    this.#pending ??= (async () => {
      try {
        this.set(await unwrap(api.GET('/api/v1/auth/session')));
      } catch (error) {
        if (toApiError(error).status !== 401) throw error;
        this.clear();
      } finally {
        this.#pending = null;
      }
      return this.status;
    })();
    return this.#pending;
  }

  /** Stores a session returned by login, invitation accept or /auth/session. */
  set(session: Session): void {
    this.user = session.user;
    this.workspaces = session.workspaces;
    this.csrfToken = session.csrfToken;
    this.status = 'authenticated';
    if (session.user.locale !== i18n.current) void this.rememberLocale();
  }

  /**
   * Tells the server the language this person uses the dashboard in, so mails they get while away (a password reset
   * an admin sends) are in it. Best effort: a failure changes nothing on screen.
   */
  async rememberLocale(): Promise<void> {
    if (this.status !== 'authenticated' || !this.user) return;
    const locale = i18n.current;
    try {
      await unwrap(api.PUT('/api/v1/auth/locale', { body: { locale } }));
      if (this.user) this.user = { ...this.user, locale };
    } catch {
      // offline or signed out meanwhile: the next session load tries again
    }
  }

  clear(): void {
    this.user = null;
    this.workspaces = [];
    this.csrfToken = null;
    this.status = 'anonymous';
  }

  selectWorkspace(id: string): void {
    this.#preferredWorkspaceId = id;
    storeWorkspace(id);
  }

  /** Adds a newly created workspace and switches to it. */
  addWorkspace(workspace: WorkspaceSummary): void {
    this.workspaces = [...this.workspaces.filter((w) => w.id !== workspace.id), workspace];
    this.selectWorkspace(workspace.id);
  }

  async logout(): Promise<void> {
    try {
      await unwrap(api.POST('/api/v1/auth/logout'));
    } catch (error) {
      // Already signed out on the server is fine; anything else is reported.
      if (toApiError(error).status !== 401) throw error;
    }
    this.clear();
  }
}

export const session = new SessionStore();

configureApiClient({
  csrfToken: () => session.csrfToken,
  locale: () => i18n.current,
});

/** `/login?next=<path>` for the given location. */
export function loginUrl(from: URL | Location): string {
  return `/login?next=${encodeURIComponent(from.pathname + from.search)}`;
}

/** A same-origin path from ?next=, or `/` if missing or unsafe. */
export function safeNext(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/login')) return '/';
  return value;
}
