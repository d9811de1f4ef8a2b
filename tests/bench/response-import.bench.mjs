// History import at scale (issue 20): writes a CSV of N historical NPS answers (a year, ~20 % with a comment, some with a
// customer id), uploads it to a fresh survey of the demo workspace with ?start=true and polls until the import is done.
// Prints one JSON line: rows, rowsPerSecond (rows / the import's own startedAt → finishedAt), the upload's first read,
// and the server's resident memory before and at its peak during the run (sampled from /proc every 100 ms), so
// "constant memory" shows as a peak that does not grow with N. BENCH_IMPORT_ROWS=1000000 (comma list for several sizes).
import { createWriteStream, openAsBlob, readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { json, signInDemo, startServer } from './lib/server.mjs';

const SIZES = (process.env.BENCH_IMPORT_ROWS ?? '1000000').split(',').map(Number);
const COMMENTS = [
  'Delivery was late again',
  'Courier was polite and quick',
  'The app keeps logging me out',
  'Great prices, will order again',
  'Refund took three weeks',
  'Support answered within minutes',
  'Доставка опоздала на два дня',
  'Отличный сервис, спасибо',
];

/** Resident memory of a process in MB (Linux). */
const rssMb = (pid) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : null;
};

/** N rows, streamed to disk: a year of answers, deterministic (no Math.random) so runs compare. */
async function writeCsv(path, rows) {
  const out = createWriteStream(path);
  out.write('created_at,score,comment,respondent_id,customer_id,language\n');
  const start = Date.UTC(2025, 0, 1);
  const step = (365 * 86_400_000) / rows;
  for (let i = 0; i < rows; i++) {
    const score = (i * 7 + (i >> 3)) % 11;
    const comment = i % 5 === 0 ? `"${COMMENTS[i % COMMENTS.length]}"` : '';
    const customer = i % 50 === 0 ? `bench-customer-${i % 2000}` : '';
    const line = `${new Date(start + Math.floor(i * step)).toISOString()},${score},${comment},bench-${i},${customer},${i % 3 === 0 ? 'ru' : 'en'}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Imports `rows` rows into a running server; returns the figures. */
export async function measureResponseImport(server, { rows }) {
  const { workspaceId, headers } = await signInDemo(server.base);
  const api = `${server.base}/api/v1/workspaces/${workspaceId}`;
  const survey = await json(
    await fetch(`${api}/surveys`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: `Bench history ${rows}`, kind: 'nps', languages: ['en', 'ru'], defaultLanguage: 'en' }),
    }),
  );
  const dir = await mkdtemp(join(tmpdir(), 'otklik-bench-import-'));
  const path = join(dir, 'history.csv');
  try {
    await writeCsv(path, rows);
    const form = new FormData();
    form.append('file', await openAsBlob(path, { type: 'text/csv' }), 'history.csv');
    const { 'content-type': _json, ...uploadHeaders } = headers;
    const rssBefore = rssMb(server.pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, rssMb(server.pid) ?? 0);
    }, 100);
    const uploadStarted = performance.now();
    const created = await json(
      await fetch(`${api}/surveys/${survey.id}/response-imports?start=true`, { method: 'POST', headers: uploadHeaders, body: form }),
    );
    const uploadSeconds = (performance.now() - uploadStarted) / 1000;
    let state = created;
    while (state.status === 'running') {
      await new Promise((r) => setTimeout(r, 250));
      state = await json(await fetch(`${api}/surveys/${survey.id}/response-imports/${created.id}`, { headers }));
    }
    clearInterval(sampler);
    if (state.status !== 'done') throw new Error(`import ended ${state.status}: ${state.message}`);
    const seconds = (Date.parse(state.finishedAt) - Date.parse(state.startedAt)) / 1000;
    return {
      rows: state.rowsDone,
      imported: state.imported,
      failed: state.failed,
      fileMb: Math.round(state.byteSize / 1024 / 1024),
      uploadSeconds: Math.round(uploadSeconds * 10) / 10,
      importSeconds: Math.round(seconds * 10) / 10,
      rowsPerSecond: Math.round(state.rowsDone / seconds),
      rssMbBefore: rssBefore,
      rssMb: rssPeak,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function run() {
  const server = await startServer('response-import');
  try {
    for (const rows of SIZES) {
      const figures = await measureResponseImport(server, { rows });
      console.log(JSON.stringify({ bench: 'response-import', ...figures }));
    }
  } finally {
    await server.stop();
  }
}
