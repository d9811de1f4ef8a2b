import { TooManyRequestsError } from '../../common/http/api-error';
import { PARSE_LIMITS } from './import-limits';

/**
 * How many uploaded files are parsed at once, per workspace and in this process. Each parse is a worker thread
 * with its own heap; without a bound, a few parallel uploads multiply the memory and CPU one file may take.
 * Not a queue: the upload over the bound is refused at once with 429 and Retry-After.
 */
export class ParseGate {
  private readonly byWorkspace = new Map<string, number>();
  private total = 0;

  constructor(private readonly limits: { perWorkspace: number; global: number; retryAfterSeconds: number }) {}

  /** Takes a slot or throws 429; returns the function that gives the slot back (safe to call twice). */
  enter(workspaceId: string): () => void {
    const mine = this.byWorkspace.get(workspaceId) ?? 0;
    if (mine >= this.limits.perWorkspace) {
      throw new TooManyRequestsError(
        this.limits.retryAfterSeconds,
        `This workspace already has ${mine} uploaded files being read; at most ${this.limits.perWorkspace} are read at once. Try again in a few seconds.`,
      );
    }
    if (this.total >= this.limits.global) {
      throw new TooManyRequestsError(
        this.limits.retryAfterSeconds,
        `The server is reading ${this.total} uploaded files at once, its limit. Try again in a few seconds.`,
      );
    }
    this.byWorkspace.set(workspaceId, mine + 1);
    this.total += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total -= 1;
      const left = (this.byWorkspace.get(workspaceId) ?? 1) - 1;
      if (left > 0) this.byWorkspace.set(workspaceId, left);
      else this.byWorkspace.delete(workspaceId);
    };
  }

  /** Files being read now (for tests and diagnostics). */
  get active(): number {
    return this.total;
  }
}

export const parseGate = new ParseGate(PARSE_LIMITS);
