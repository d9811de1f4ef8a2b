// Complaint-clustering engine: quality (ARI, NMI, purity) and speed next to the plain baseline
// (TF-IDF + k-means given the true k) computed in the same run, and the latency of placing one new text.
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'backend', 'package.json'));
const dist = join(root, 'backend', 'dist', 'backend', 'src', 'text');
const { parse } = require('csv-parse/sync');

const DATASETS = [
  ['banking77', join(root, '..', 'shared', 'data', 'banking77_train.csv')],
  ['ru_marketplace_complaints', join(root, 'tests', 'fixtures', 'clustering', 'ru_marketplace_complaints.csv')],
  ['en_telecom_complaints', join(root, 'tests', 'fixtures', 'clustering', 'en_telecom_complaints.csv')],
];

const round = (x) => Math.round(x * 10000) / 10000;
const scores = (s) => ({ ari: round(s.ari), nmi: round(s.nmi), purity: round(s.purity) });

function load(file) {
  const rows = parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true });
  const kept = rows.filter((r) => r.text?.trim() && r.category?.trim());
  return { texts: kept.map((r) => r.text), truth: kept.map((r) => r.category) };
}

export default async function run() {
  const { clusterTexts, assignText } = require(join(dist, 'engine.js'));
  const { baselineClusters } = require(join(dist, 'baseline.js'));
  const { scoreClustering } = require(join(dist, 'metrics.js'));
  let largest;
  for (const [name, file] of DATASETS) {
    if (!existsSync(file)) {
      console.log(JSON.stringify({ bench: 'clustering', dataset: name, skipped: `${file} not found` }));
      continue;
    }
    const { texts, truth } = load(file);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const result = clusterTexts(texts, { seed: 42 });
    const seconds = (performance.now() - t0) / 1000;
    // CPU time too: on a shared machine wall-clock time mostly measures the other workers.
    const cpu = process.cpuUsage(cpu0);
    const k = new Set(truth).size;
    const t1 = performance.now();
    const base = baselineClusters(texts, k, 42);
    const baseSeconds = (performance.now() - t1) / 1000;
    const ours = scoreClustering(truth, Array.from(result.assignments));
    const baseline = scoreClustering(truth, Array.from(base));
    console.log(
      JSON.stringify({
        bench: 'clustering',
        dataset: name,
        texts: texts.length,
        seconds: round(seconds),
        cpu_seconds: round((cpu.user + cpu.system) / 1e6),
        load_average: round(loadavg()[0]),
        clusters: result.clusters.length,
        unclustered: result.assignments.filter((c) => c < 0).length,
        ...scores(ours),
        baseline: { k, ...scores(baseline), seconds: round(baseSeconds) },
        ari_ratio: round(ours.ari / baseline.ari),
      }),
    );
    if (!largest || texts.length > largest.texts.length) largest = { name, texts, model: result.model };
  }
  if (!largest) return;
  // Latency of placing one new text into the frozen model (texts re-sent one by one, as ingestion would).
  const sample = largest.texts.filter((_, i) => i % Math.max(1, Math.floor(largest.texts.length / 1000)) === 0);
  // Warm-up: compiles the path and lets the collector finish with what clustering left behind.
  for (const t of sample.slice(0, 300)) assignText(largest.model, t);
  const cpuBefore = process.cpuUsage();
  const times = sample.map((t) => {
    const s = performance.now();
    assignText(largest.model, t);
    return performance.now() - s;
  });
  times.sort((a, b) => a - b);
  // (wall-clock per call; cpu_mean_ms is the CPU time per call, which the other workers on the machine do not inflate)
  const pct = (p) => round(times[Math.min(times.length - 1, Math.floor(p * times.length))]);
  const cpu = process.cpuUsage(cpuBefore);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const cpuMean = (cpu.user + cpu.system) / 1000 / times.length;
  console.log(JSON.stringify({ bench: 'cluster-assign', dataset: largest.name, texts: times.length, p50_ms: pct(0.5), p99_ms: pct(0.99), mean_ms: round(mean), cpu_mean_ms: round(cpuMean) }));
}
