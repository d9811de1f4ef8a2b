/** Progress lines in the log while the demo is seeded ("Demo: customers 2,000/2,000 (1.2 s)"). */
export class Progress {
  private readonly last = new Map<string, number>();
  private readonly started = performance.now();

  constructor(private readonly log: (line: string) => void) {}

  /** Logs at most every ~25 % of a step, and always its end. */
  step(what: string, done: number, total: number): void {
    const previous = this.last.get(what) ?? -1;
    if (done < total && done - previous < total / 4) return;
    this.last.set(what, done);
    const fmt = (n: number) => n.toLocaleString('en-US');
    this.log(`Demo: ${what} ${fmt(done)}/${fmt(total)} (${this.elapsed()})`);
  }

  note(line: string): void {
    this.log(`Demo: ${line} (${this.elapsed()})`);
  }

  private elapsed(): string {
    return `${((performance.now() - this.started) / 1000).toFixed(1)} s`;
  }
}
