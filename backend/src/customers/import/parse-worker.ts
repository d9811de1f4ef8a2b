import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { FileProblem } from './parsed-file';
import { readUpload, type UploadToRead } from './read-upload';

// Worker-thread entry: see parseUpload.
try {
  // Lower CPU priority for this thread only (Linux nice is per thread): when cores are busy, the event loop that
  // answers requests gets about nine times the CPU of a parse. Not 19: that starves the parse on a busy machine.
  setPriority(10);
} catch {
  // not permitted here; the parse still runs off the event loop
}
const job = workerData as { file: UploadToRead; maxRows: number };
readUpload(job.file, job.maxRows).then(
  (parsed) => parentPort!.postMessage({ parsed }),
  (error: unknown) =>
    parentPort!.postMessage(
      error instanceof FileProblem
        ? { problem: { status: error.status, code: error.code, message: error.message } }
        : { failure: error instanceof Error ? error.message : String(error) },
    ),
);
