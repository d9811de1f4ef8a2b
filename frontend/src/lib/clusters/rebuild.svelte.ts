import { toApiError, type ApiError } from '$lib/api/errors';
import { getRun, listRuns, startRebuild } from './api';
import type { ClusterRun } from './types';

/** How often a running rebuild is polled. */
export const RUN_POLL_MS = 500;

/**
 * Starts a rebuild (or joins the one already running) and polls it until it ends, so the page can
 * show a real progress bar. Call `stop()` when the page goes away.
 */
export class RebuildTracker {
  run = $state<ClusterRun | null>(null);
  error = $state<ApiError | null>(null);
  #timer: ReturnType<typeof setTimeout> | null = null;
  #workspaceId: string | null = null;
  #onDone: (run: ClusterRun) => void;

  constructor(onDone: (run: ClusterRun) => void) {
    this.#onDone = onDone;
  }

  get running(): boolean {
    return this.run?.status === 'running';
  }

  async start(workspaceId: string): Promise<void> {
    this.error = null;
    try {
      this.follow(workspaceId, await startRebuild(workspaceId));
    } catch (e) {
      const error = toApiError(e);
      // Someone (or the schedule) started one already: show that one's progress instead.
      if (error.status === 409) {
        const running = (await listRuns(workspaceId).catch(() => [])).find((r) => r.status === 'running');
        if (running) return this.follow(workspaceId, running);
      }
      this.error = error;
    }
  }

  /** Shows a run and polls it while it runs. */
  follow(workspaceId: string, run: ClusterRun): void {
    this.stop();
    this.#workspaceId = workspaceId;
    this.run = run;
    if (run.status === 'running') this.#schedule();
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #schedule(): void {
    this.#timer = setTimeout(() => void this.#poll(), RUN_POLL_MS);
  }

  async #poll(): Promise<void> {
    const workspaceId = this.#workspaceId;
    const current = this.run;
    if (!workspaceId || !current) return;
    try {
      const next = await getRun(workspaceId, current.id);
      if (this.run?.id !== current.id) return;
      this.run = next;
      this.error = null;
      if (next.status === 'running') this.#schedule();
      else this.#onDone(next);
    } catch (e) {
      const error = toApiError(e);
      this.error = error;
      // A blip in the network or server: keep polling, the run goes on on the server.
      if (this.run?.id === current.id && (error.status === 0 || error.status >= 500)) this.#schedule();
    }
  }
}
