import { parentPort, workerData } from 'node:worker_threads';
import { FileProblem } from './parsed-file';
import { readUpload, type UploadToRead } from './read-upload';

// Worker-thread entry: see parseUpload.
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
