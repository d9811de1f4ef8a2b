import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { clusterTexts, type ClusterSummary } from '../text/engine';
import { encodeModel } from '../text/model-codec';
import { ClusterPlacer } from '../text/sampled';

export interface EngineOutput {
  assignments: Int32Array;
  clusters: ClusterSummary[];
  model: Buffer;
}

export interface EngineJob {
  texts: string[];
  seed: number;
}

type Progress = (fraction: number, stage: string) => void;

/** Runs the engine and encodes its model; the body of the worker thread, and the fallback in-process path. */
export function runEngineInline(job: EngineJob, onProgress: Progress): EngineOutput {
  const result = clusterTexts(job.texts, { seed: job.seed, onProgress });
  return { assignments: result.assignments, clusters: result.clusters, model: encodeModel(result.model) };
}

const WORKER_FILE = join(__dirname, 'engine-worker.js');
/**
 * The clustering worker's heap limit. A fit holds at most OTKLIK_CLUSTER_SAMPLE_SIZE texts and placing keeps bounded
 * caches (measured: 100,000 texts peak at ~340 MB), so past this something is wrong — hostile texts, say: the worker
 * alone stops and the rebuild fails with a clear error, instead of the whole backend growing until it is killed.
 */
export const WORKER_HEAP_MB = 2_048;

/** What the worker thread is asked: one whole run, or a fit on a sample that then places batches of texts. */
export interface WorkerJob extends EngineJob {
  mode: 'run' | 'fit';
}

export type WorkerRequest = { type: 'place'; texts: string[]; fitted: Int32Array } | { type: 'finish' };
export type WorkerReply =
  | { type: 'progress'; fraction: number; stage: string }
  | { type: 'done'; output: EngineOutput }
  | { type: 'placed'; assignments: Int32Array }
  | { type: 'clusters'; clusters: ClusterSummary[] };

/**
 * Clustering 10,000 texts takes seconds of pure CPU: in a worker thread it leaves the server's event
 * loop free for requests. Where the compiled worker is absent (tests running the TypeScript sources)
 * the engine runs in-process.
 */
export function runEngine(job: EngineJob, onProgress: Progress): Promise<EngineOutput> {
  if (!existsSync(WORKER_FILE)) return Promise.resolve().then(() => runEngineInline(job, onProgress));
  const worker = new EngineWorker({ ...job, mode: 'run' }, onProgress);
  return worker.next('done').then((reply) => {
    void worker.close();
    return { ...reply.output, model: Buffer.from(reply.output.model) };
  });
}

/**
 * A model fitted on a sample that then places a pool's texts batch by batch (the texts are streamed from the
 * database, so neither thread holds them all). `fit` is the sample's own result; `finish` gives the clusters'
 * sizes, examples and languages over every placed text, examples as positions in the order the texts were placed.
 */
export interface EngineSession {
  fit: EngineOutput;
  /** `fitted[i]` is the fit's cluster for a sample text (kept), or TO_PLACE. */
  place(texts: string[], fitted: Int32Array): Promise<Int32Array>;
  finish(): Promise<ClusterSummary[]>;
  /** Ends the session early (a failed rebuild). */
  close(): Promise<void>;
}

export async function startEngineSession(job: EngineJob, onProgress: Progress): Promise<EngineSession> {
  if (!existsSync(WORKER_FILE)) {
    const result = clusterTexts(job.texts, { seed: job.seed, onProgress });
    const placer = new ClusterPlacer(result);
    const fit = { assignments: result.assignments, clusters: result.clusters, model: encodeModel(result.model) };
    return {
      fit,
      place: async (texts, fitted) => placer.place(texts, fitted).assignments,
      finish: async () => placer.clusters(),
      close: async () => undefined,
    };
  }
  const worker = new EngineWorker({ ...job, mode: 'fit' }, onProgress);
  const { output } = await worker.next('done');
  return {
    fit: { ...output, model: Buffer.from(output.model) },
    place: async (texts, fitted) => {
      worker.send({ type: 'place', texts, fitted });
      return (await worker.next('placed')).assignments;
    },
    finish: async () => {
      worker.send({ type: 'finish' });
      const { clusters } = await worker.next('clusters');
      await worker.close();
      return clusters;
    },
    close: () => worker.close(),
  };
}

/** The engine's worker thread as a queue of replies: progress goes to the callback, the rest is awaited in turn. */
export class EngineWorker {
  private readonly worker: Worker;
  private waiting: { type: WorkerReply['type']; resolve: (reply: WorkerReply) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;

  /** `file` and `heapMb` are the real worker's unless a test gives others. */
  constructor(job: WorkerJob, onProgress: Progress, file = WORKER_FILE, heapMb = WORKER_HEAP_MB) {
    this.worker = new Worker(file, { workerData: job, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    this.worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'progress') return onProgress(reply.fraction, reply.stage);
      const waiting = this.waiting;
      this.waiting = null;
      if (waiting?.type === reply.type) waiting.resolve(reply);
      else this.fail(new Error(`clustering worker sent ${reply.type} unasked`));
    });
    this.worker.on('error', (error: Error & { code?: string }) =>
      this.fail(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new Error(`clustering ran out of memory: the worker's heap limit is ${heapMb} MB`)
          : error,
      ),
    );
    this.worker.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`clustering worker exited with code ${code}`));
      else if (this.waiting) this.fail(new Error('clustering worker exited before it answered'));
    });
  }

  send(request: WorkerRequest): void {
    const transfer = request.type === 'place' ? [request.fitted.buffer as ArrayBuffer] : [];
    this.worker.postMessage(request, transfer);
  }

  next<T extends WorkerReply['type']>(type: T): Promise<Extract<WorkerReply, { type: T }>> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { type, resolve: resolve as (reply: WorkerReply) => void, reject };
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(error);
  }
}
