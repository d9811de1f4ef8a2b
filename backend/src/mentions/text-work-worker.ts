import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { doTextJob, type TextJob } from './text-work-jobs';

// Worker-thread entry: see runTextWork. On Linux the nice value is per thread: this one yields the CPU
// to the event loop's thread, so requests are answered first when cores are scarce.
try {
  setPriority(10);
} catch {
  // Not permitted or not supported: run at normal priority.
}
doTextJob(workerData as TextJob).then(
  (result) => parentPort!.postMessage({ result }),
  (error: unknown) => parentPort!.postMessage({ failure: error instanceof Error ? error.message : String(error) }),
);
