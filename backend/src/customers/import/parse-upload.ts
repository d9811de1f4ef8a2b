import { HttpStatus } from '@nestjs/common';
import { ApiError } from '../../common/http/api-error';
import { spawnWorker } from '../../common/workers/spawn-worker';
import { IMPORT_LIMITS, PARSE_LIMITS } from './import-limits';
import { parseGate } from './parse-gate';
import type { ParsedFile } from './parsed-file';
import type { UploadedFile } from './read-upload';

type WorkerReply = { parsed: ParsedFile } | { problem: { status: number; code: string; message: string } } | { failure: string };

const tooComplex = (why: string) =>
  new ApiError(
    HttpStatus.PAYLOAD_TOO_LARGE,
    'file_too_complex',
    `The file ${why}. Save it as a plain CSV, or split it into smaller files, and upload again.`,
  );

/**
 * Reads an upload (CSV or XLSX) into headers and rows in a worker thread: parsing 10 MB is seconds of CPU, and a
 * crafted file can ask for gigabytes. The worker has its own capped heap and a time limit, so such a file ends the
 * worker (413), not the server, and the event loop keeps answering other requests meanwhile. At most
 * PARSE_LIMITS.perWorkspace files per workspace are read at once (429 beyond).
 */
export async function parseUpload(workspaceId: string, file: UploadedFile, maxRows: number = IMPORT_LIMITS.maxRows): Promise<ParsedFile> {
  const release = parseGate.enter(workspaceId);
  try {
    return await runParseWorker(file, maxRows);
  } finally {
    release();
  }
}

/** One parse in its own worker; the heap is a parameter only so a test can show what running out of it gives. */
export async function runParseWorker(file: UploadedFile, maxRows: number, heapMb: number = PARSE_LIMITS.workerHeapMb): Promise<ParsedFile> {
  const worker = await spawnWorker(__dirname, 'parse-worker', {
    workerData: { file: { originalname: file.originalname, mimetype: file.mimetype, bytes: file.buffer }, maxRows },
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(32, heapMb) },
  });
  return new Promise<ParsedFile>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () => settle(() => reject(tooComplex(`took longer than ${PARSE_LIMITS.timeoutMs / 1000} s to read`))),
      PARSE_LIMITS.timeoutMs,
    );
    worker.on('message', (reply: WorkerReply) =>
      settle(() => {
        if ('parsed' in reply) resolve(reply.parsed);
        else if ('problem' in reply) reject(new ApiError(reply.problem.status, reply.problem.code, reply.problem.message));
        else reject(new Error(`parse worker failed: ${reply.failure}`));
      }),
    );
    worker.on('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooComplex(`needs more than ${heapMb} MB of memory to read`) : error),
      ),
    );
    worker.on('exit', (code) => settle(() => reject(new Error(`parse worker exited with code ${code} before answering`))));
  });
}
