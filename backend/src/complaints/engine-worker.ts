import { parentPort, workerData } from 'node:worker_threads';
import { type EngineJob, runEngineInline } from './engine-runner';

// Worker-thread entry: see runEngine.
const output = runEngineInline(workerData as EngineJob, (fraction, stage) =>
  parentPort!.postMessage({ type: 'progress', fraction, stage }),
);
parentPort!.postMessage({ type: 'done', output }, [output.assignments.buffer as ArrayBuffer]);
