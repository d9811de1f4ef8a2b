import { parentPort, workerData } from 'node:worker_threads';
import { clusterTexts } from '../text/engine';
import { encodeModel } from '../text/model-codec';
import { ClusterPlacer } from '../text/sampled';
import { type EngineOutput, runEngineInline, type WorkerJob, type WorkerReply, type WorkerRequest } from './engine-runner';

// Worker-thread entry: see runEngine and startEngineSession.
const job = workerData as WorkerJob;
const port = parentPort!;
const reply = (message: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const onProgress = (fraction: number, stage: string) => reply({ type: 'progress', fraction, stage });

if (job.mode === 'run') {
  const output = runEngineInline(job, onProgress);
  reply({ type: 'done', output }, [output.assignments.buffer as ArrayBuffer]);
} else {
  const result = clusterTexts(job.texts, { seed: job.seed, onProgress });
  // The sample's texts are no longer needed; the placer keeps only the model and its running figures.
  job.texts = [];
  const placer = new ClusterPlacer(result);
  const output: EngineOutput = { assignments: result.assignments.slice(), clusters: result.clusters, model: encodeModel(result.model) };
  reply({ type: 'done', output }, [output.assignments.buffer as ArrayBuffer]);
  port.on('message', (request: WorkerRequest) => {
    if (request.type === 'place') {
      const { assignments } = placer.place(request.texts, request.fitted);
      reply({ type: 'placed', assignments }, [assignments.buffer as ArrayBuffer]);
    } else {
      reply({ type: 'clusters', clusters: placer.clusters() });
      port.close();
    }
  });
}
