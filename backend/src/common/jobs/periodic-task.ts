import { Logger } from '@nestjs/common';

/**
 * Background work on a timer: one run at a time (a slow run is not stacked), failures logged and retried
 * at the next tick, and stop() waits for the run under way so the database pool is not closed beneath it.
 * The work keeps its state in the database, so every replica may run it.
 */
export class PeriodicTask {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;

  constructor(
    private readonly name: string,
    private readonly work: () => Promise<void>,
  ) {
    this.logger = new Logger(name);
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      if (!this.current) this.current = this.runOnce().finally(() => (this.current = null));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.current;
  }

  private async runOnce(): Promise<void> {
    try {
      await this.work();
    } catch (error) {
      this.logger.warn(`${this.name} failed: ${(error as Error).message}`);
    }
  }
}
