/** Runs `work` only while this process holds the job's lease; false (work not run) when another process holds it. */
export abstract class JobLease {
  abstract withLease(name: string, work: () => Promise<void>): Promise<boolean>;
}
