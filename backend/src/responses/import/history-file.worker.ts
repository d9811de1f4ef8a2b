import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { FileProblem } from '../../customers/import/parsed-file';
import { summariseHistoryFile } from './history-file';

// Worker-thread entry: see readHistoryUpload. Lower priority for this thread only, so requests keep their CPU.
try {
  setPriority(10);
} catch {
  // not permitted here; the read still runs off the event loop
}
const job = workerData as { path: string };
summariseHistoryFile(job.path).then(
  (summary) => parentPort!.postMessage({ summary }),
  (error: unknown) =>
    parentPort!.postMessage(
      error instanceof FileProblem
        ? { problem: { status: error.status, code: error.code, message: error.message } }
        : { failure: error instanceof Error ? error.message : String(error) },
    ),
);
