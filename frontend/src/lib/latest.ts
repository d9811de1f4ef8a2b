/**
 * Keeps only the newest answer: `next()` starts a request and returns its check, which stays true until another
 * request starts (or `drop()` is called). An answer whose check is false was overtaken (the filters, page or
 * workspace changed meanwhile) and is dropped, so a slow old answer never overwrites a newer one.
 */
export class Latest {
  #newest = 0;

  /** Starts a request; its check is true while no later request has started. */
  next(): () => boolean {
    const mine = ++this.#newest;
    return () => mine === this.#newest;
  }

  /** The check of the request in flight, for a follow-up of the same question (e.g. "load more"). */
  current(): () => boolean {
    const mine = this.#newest;
    return () => mine === this.#newest;
  }

  /** Drops every request in flight. */
  drop(): void {
    this.#newest++;
  }
}
