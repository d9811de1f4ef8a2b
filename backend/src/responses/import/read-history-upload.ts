import { HttpStatus } from '@nestjs/common';
import { ApiError } from '../../common/http/api-error';
import { spawnWorker } from '../../common/workers/spawn-worker';
import { parseGate } from '../../customers/import/parse-gate';
import type { HistoryFileSummary } from './history-file';
import { RESPONSE_IMPORT_LIMITS } from './response-import-limits';

type WorkerReply = { summary: HistoryFileSummary } | { problem: { status: number; code: string; message: string } } | { failure: string };

/**
 * The upload's first read (encoding, delimiter, header, row count, preview) in a worker thread: 100 MB of CSV is seconds
 * of CPU, and the event loop keeps answering meanwhile. Shares the customer import's gate (uploads read at once, per
 * workspace and per process: 429 beyond), so the two kinds of import together stay within one bound.
 */
export async function readHistoryUpload(workspaceId: string, path: string): Promise<HistoryFileSummary> {
  const release = parseGate.enter(workspaceId);
  try {
    return await runWorker(path);
  } finally {
    release();
  }
}

async function runWorker(path: string): Promise<HistoryFileSummary> {
  const heapMb = RESPONSE_IMPORT_LIMITS.parseWorkerHeapMb;
  const worker = await spawnWorker(__dirname, 'history-file.worker', {
    workerData: { path },
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 },
  });
  return new Promise<HistoryFileSummary>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            new ApiError(
              HttpStatus.PAYLOAD_TOO_LARGE,
              'file_too_complex',
              `The file took longer than ${RESPONSE_IMPORT_LIMITS.parseTimeoutMs / 1000} s to read. Split it into smaller files.`,
            ),
          ),
        ),
      RESPONSE_IMPORT_LIMITS.parseTimeoutMs,
    );
    worker.on('message', (reply: WorkerReply) =>
      settle(() => {
        if ('summary' in reply) resolve(reply.summary);
        else if ('problem' in reply) reject(new ApiError(reply.problem.status, reply.problem.code, reply.problem.message));
        else reject(new Error(`history file worker failed: ${reply.failure}`));
      }),
    );
    worker.on('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, 'file_too_complex', `The file needs more than ${heapMb} MB of memory to read.`)
            : error,
        ),
      ),
    );
    worker.on('exit', (code) => settle(() => reject(new Error(`history file worker exited with code ${code} before answering`))));
  });
}
