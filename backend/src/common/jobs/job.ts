/**
 * One background job: a turn that the JobRunner repeats every `intervalMs`, runs sooner on `wake(name)`, retries
 * with a growing pause after a failure and awaits at shutdown. A job keeps its state in the database, so a turn
 * that is cut short (crash, deploy) is simply done again by the next one.
 */
export interface Job {
  /** Unique and stable: the runner's handle (`wake`, `runNow`) and the lease's key. */
  readonly name: string;
  /** Pause between the end of one turn and the start of the next. */
  readonly intervalMs: number;
  /**
   * Hold the job's cluster-wide lease during a turn, so one process at a time runs it. For set-based scans that every
   * replica would repeat for nothing; not for queues whose rows are claimed one by one (replicas share those).
   */
  readonly lease?: boolean;
  /** First turn right at start-up instead of one interval later. */
  readonly runAtStart?: boolean;
  /** Runs even where background jobs are switched off (OTKLIK_BACKGROUND_JOBS=false). */
  readonly always?: boolean;
  /** Longest pause after repeated failures (it doubles from `intervalMs`); default max(intervalMs, 60 s). */
  readonly maxBackoffMs?: number;
  /** One turn. A throw counts as a failure; `signal` is aborted when the application shuts down. */
  turn(signal: AbortSignal): Promise<void>;
  /** At shutdown, after the last turn: settle work a turn started without awaiting (e.g. webhook sends). */
  drain?(): Promise<void>;
}
