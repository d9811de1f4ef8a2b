import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EngineWorker } from './engine-runner';

// Security finding 7: the clustering worker runs under a heap limit, so texts that make it grow fail the rebuild with a
// clear error instead of growing the backend until it is killed. A stand-in worker that only allocates shows the path.
const folder = mkdtempSync(join(tmpdir(), 'engine-worker-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('EngineWorker', () => {
  it('stops a worker past its heap limit and fails with a clear error; this process goes on', async () => {
    const file = join(folder, 'hungry.js');
    writeFileSync(file, 'const kept = []; for (;;) kept.push(new Array(100_000).fill({ word: Math.random() }));\n');
    const worker = new EngineWorker({ texts: [], seed: 42, mode: 'run' }, () => undefined, file, 64);
    await expect(worker.next('done')).rejects.toThrow("clustering ran out of memory: the worker's heap limit is 64 MB");
    expect(process.memoryUsage().heapUsed).toBeLessThan(1024 * 1024 * 1024);
  }, 60_000);

  it('answers as before within the limit', async () => {
    const file = join(folder, 'echo.js');
    writeFileSync(
      file,
      "const { parentPort } = require('node:worker_threads');\n" +
        "parentPort.postMessage({ type: 'progress', fraction: 1, stage: 'done' });\n" +
        "parentPort.postMessage({ type: 'done', output: { assignments: new Int32Array([0]), clusters: [], model: new Uint8Array(1) } });\n",
    );
    const stages: string[] = [];
    const worker = new EngineWorker({ texts: [], seed: 42, mode: 'run' }, (_, stage) => stages.push(stage), file, 64);
    const reply = await worker.next('done');
    expect(Array.from(reply.output.assignments)).toEqual([0]);
    expect(stages).toEqual(['done']);
    await worker.close();
  });
});
