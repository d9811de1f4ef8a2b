// Sentiment and language detection: throughput of analyzeSentiment() with detection (the ingestion path),
// single-threaded, and the quality figures on the held-out fixture sets. Needs the backend built.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'backend', 'package.json'));
const dist = join(root, 'backend', 'dist', 'backend', 'src', 'text');
const { analyzeSentiment } = require(join(dist, 'sentiment', 'analyze-sentiment.js'));
const { scoreSentiment, alwaysNegativeScores } = require(join(dist, 'sentiment', 'evaluation.js'));
const { detectLanguage } = require(join(dist, 'language', 'detect-language.js'));
const { parse } = require('csv-parse/sync');

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const round = (x) => Math.round(x * 1000) / 1000;
const load = (path) => parse(readFileSync(join(root, 'tests', 'fixtures', path)), { columns: true });

export default async function bench() {
  const sets = { 'ru-heldout': load('sentiment/ru-heldout.csv'), 'en-heldout': load('sentiment/en-heldout.csv') };
  const texts = [...sets['ru-heldout'], ...sets['en-heldout']].map((row) => row.text);

  for (let i = 0; i < 2000; i++) analyzeSentiment(texts[i % texts.length]); // warm-up
  let done = 0;
  let chars = 0;
  // CPU time as well as wall time: on a shared machine the wall-clock rate says more about the neighbours.
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const until = start + BigInt(SECONDS * 1e9);
  while (process.hrtime.bigint() < until) {
    for (let i = 0; i < 500; i++) {
      const text = texts[done % texts.length];
      analyzeSentiment(text);
      chars += text.length;
      done++;
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    JSON.stringify({
      bench: 'sentiment',
      texts_per_s: Math.round(done / seconds),
      texts_per_cpu_s: Math.round(done / cpuSeconds),
      mean_chars: Math.round(chars / done),
      detect_language: true,
    }),
  );

  for (const [name, rows] of Object.entries(sets)) {
    const gold = rows.map((row) => Number(row.label));
    const ours = scoreSentiment(
      gold,
      rows.map((row) => analyzeSentiment(row.text, name.slice(0, 2)).label),
    );
    const baseline = alwaysNegativeScores(gold);
    console.log(
      JSON.stringify({
        bench: 'sentiment-quality',
        set: name,
        items: rows.length,
        macro_f1_pn: round(ours.macroF1PN),
        f1_pos: round(ours.f1Positive),
        f1_neg: round(ours.f1Negative),
        accuracy: round(ours.accuracy),
        always_negative_macro_f1_pn: round(baseline.macroF1PN),
      }),
    );
  }

  const tally = {};
  for (const row of load('language/heldout.csv')) {
    const entry = (tally[row.language] ??= { items: 0, correct: 0 });
    entry.items++;
    if (detectLanguage(row.text) === row.language) entry.correct++;
  }
  const accuracy = Object.fromEntries(Object.entries(tally).map(([language, t]) => [language, round(t.correct / t.items)]));
  console.log(JSON.stringify({ bench: 'language-quality', set: 'language-heldout', accuracy }));
}
