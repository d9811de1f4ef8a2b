import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { clusterTexts, type ClusterSummary } from '../text/engine';
import { encodeModel } from '../text/model-codec';

export interface EngineOutput {
  assignments: Int32Array;
  clusters: ClusterSummary[];
  model: Buffer;
}

export interface EngineJob {
  texts: string[];
  seed: number;
}

/** Runs the engine and encodes its model; the body of the worker thread, and the fallback in-process path. */
export function runEngineInline(job: EngineJob, onProgress: (fraction: number, stage: string) => void): EngineOutput {
  const result = clusterTexts(job.texts, { seed: job.seed, onProgress });
  return { assignments: result.assignments, clusters: result.clusters, model: encodeModel(result.model) };
}

const WORKER_FILE = join(__dirname, 'engine-worker.js');

/**
 * Clustering 10,000 texts takes seconds of pure CPU: in a worker thread it leaves the server's event
 * loop free for requests. Where the compiled worker is absent (tests running the TypeScript sources)
 * the engine runs in-process.
 */
export function runEngine(job: EngineJob, onProgress: (fraction: number, stage: string) => void): Promise<EngineOutput> {
  if (!existsSync(WORKER_FILE)) return Promise.resolve().then(() => runEngineInline(job, onProgress));
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, { workerData: job });
    worker.on('message', (message: { type: 'progress'; fraction: number; stage: string } | { type: 'done'; output: EngineOutput }) => {
      if (message.type === 'progress') onProgress(message.fraction, message.stage);
      else resolve({ ...message.output, model: Buffer.from(message.output.model) });
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`clustering worker exited with code ${code}`));
    });
  });
}
