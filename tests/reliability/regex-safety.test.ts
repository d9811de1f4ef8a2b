import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { type Attack, attacksFor, discoverRegexes, type FoundRegex } from '../support/regex-audit';

/**
 * Issue 13 item 2: no regular expression in the server (or in the widgets and dashboard helpers that
 * read user text) backtracks super-linearly. Every literal and `new RegExp(...)` is found by parsing
 * the sources, so a pattern is covered the day it lands; each is run over inputs built from its own
 * characters and literal runs ("rt" + 100,000 spaces, "<" × 100,000, "a." × 50,000 …) that end in a
 * character making the match fail, which is what drives a backtracking engine into trying every split.
 *
 * This is about complexity class, not speed: a linear scan of 100,000 characters takes well under
 * 10 ms of CPU, a quadratic one seconds. The budget (CPU time, so a busy machine does not move it)
 * sits two orders of magnitude above linear and one below quadratic. Exponential patterns never
 * finish: the runs happen in a worker thread that is terminated after a generous timeout.
 */

const ROOT = join(__dirname, '../..');
const DIRS = ['backend/src', 'survey-model/src', 'survey-widgets/src', 'frontend/src/lib'];

/** `new RegExp(...)` built from runtime values, with every pattern it can make. None today. */
const DYNAMIC: Record<string, { source: string; flags: string }[]> = {};

/** Small inputs for ranking a pattern's attacks; the slowest ones are then run big. */
const SCREEN_CHARS = 2_000;
const BIG_CHARS = 100_000;
const SLOWEST_KEPT = 4;
/** CPU budget for one pass over 100,000 characters (a tenth of it for 10,000): linear is < 10 ms, quadratic is seconds. */
const BUDGET_MS = 400;
/** A worker that has not finished one pattern by then is stuck in exponential backtracking. */
const STUCK_MS = 30_000;

interface Job {
  id: number;
  source: string;
  flags: string;
  attacks: Attack[];
}

interface Verdict {
  id: number;
  worst: { attack: Attack; screenMs: number; ms: number; chars: number; over: boolean } | null;
}

// Plain JavaScript so the worker needs no TypeScript loader. Every pass scans the whole input the way
// `replace`/`matchAll`/`split` do (a global flag added), which also covers `test` and `exec` on a failing input.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const cpu = (fn) => { const start = process.cpuUsage(); fn(); const d = process.cpuUsage(start); return (d.user + d.system) / 1000; };
const build = (a, chars) => a.prefix + a.pump.repeat(Math.max(1, Math.ceil(chars / a.pump.length))) + a.suffix;
for (const job of workerData.jobs) {
  parentPort.postMessage({ type: 'start', id: job.id });
  const flags = job.flags.includes('g') || job.flags.includes('y') ? job.flags : job.flags + 'g';
  const re = new RegExp(job.source, flags);
  const pass = (input) => { re.lastIndex = 0; input.replace(re, ''); };
  const screened = job.attacks.map((attack) => {
    const input = build(attack, workerData.screenChars);
    return { attack, screenMs: cpu(() => pass(input)) };
  });
  screened.sort((x, y) => y.screenMs - x.screenMs);
  let worst = null;
  for (const s of screened.slice(0, workerData.kept)) {
    // Twice each, keeping the faster: a GC pause or a descheduled thread must not fail a linear pattern.
    const twice = (input) => Math.min(cpu(() => pass(input)), cpu(() => pass(input)));
    // A tenth of the size first: quadratic already shows there (and the full size would take minutes).
    let chars = workerData.bigChars / 10;
    let ms = twice(build(s.attack, chars));
    if (ms <= workerData.budgetMs / 10) {
      chars = workerData.bigChars;
      ms = twice(build(s.attack, chars));
    }
    const over = ms > (chars === workerData.bigChars ? workerData.budgetMs : workerData.budgetMs / 10);
    if (!worst || over || ms > worst.ms) worst = { attack: s.attack, screenMs: s.screenMs, ms, chars, over };
    if (over) break;
  }
  parentPort.postMessage({ type: 'done', id: job.id, worst });
}
`;

/** Runs the jobs in a worker; a job that outlives STUCK_MS is reported with ms = Infinity. */
function audit(jobs: Job[]): Promise<Verdict[]> {
  return new Promise((resolve, reject) => {
    const verdicts: Verdict[] = [];
    let remaining = jobs;
    const runBatch = () => {
      if (remaining.length === 0) return resolve(verdicts);
      const worker = new Worker(WORKER, {
        eval: true,
        workerData: { jobs: remaining, screenChars: SCREEN_CHARS, bigChars: BIG_CHARS, kept: SLOWEST_KEPT, budgetMs: BUDGET_MS },
      });
      let current: number | null = null;
      let timer: NodeJS.Timeout | undefined;
      worker.on('message', (m: { type: 'start'; id: number } | ({ type: 'done' } & Verdict)) => {
        clearTimeout(timer);
        if (m.type === 'start') {
          current = m.id;
          timer = setTimeout(() => {
            // Stuck: record it, and carry on with the rest in a fresh worker.
            verdicts.push({
              id: m.id,
              worst: { attack: { prefix: '?', pump: '?', suffix: '' }, screenMs: Infinity, ms: Infinity, chars: 0, over: true },
            });
            remaining = remaining.slice(remaining.findIndex((j) => j.id === m.id) + 1);
            void worker.terminate().then(runBatch);
          }, STUCK_MS);
        } else {
          verdicts.push({ id: m.id, worst: m.worst });
          current = null;
        }
      });
      worker.on('error', reject);
      worker.on('exit', () => {
        clearTimeout(timer);
        if (current === null && verdicts.length >= jobs.length) resolve(verdicts);
      });
    };
    runBatch();
  });
}

describe('regular expressions on hostile input', () => {
  const { found, dynamic } = discoverRegexes(ROOT, DIRS);

  it('finds the patterns in the sources (the discovery itself works)', () => {
    expect(found.length).toBeGreaterThan(100);
    expect(found.some((r) => r.where.startsWith('backend/src/mentions/dedup/dedup-text.ts'))).toBe(true);
    // A `new RegExp(variable)` is only safe if someone listed what it can be.
    const unlisted = dynamic.filter((d) => !(d.where.replace(/:\d+$/, '') in DYNAMIC));
    expect(unlisted, 'list dynamic patterns in DYNAMIC with every pattern they can build').toEqual([]);
  });

  it('no pattern takes super-linear time on inputs built from its own structure', { timeout: 600_000 }, async () => {
    const patterns: FoundRegex[] = [...found, ...Object.entries(DYNAMIC).flatMap(([where, list]) => list.map((p) => ({ where, ...p })))];
    // The same pattern written in several places is run once.
    const unique = new Map<string, { pattern: FoundRegex; places: string[] }>();
    for (const p of patterns) {
      const key = `/${p.source}/${p.flags}`;
      const entry = unique.get(key);
      if (entry) entry.places.push(p.where);
      else unique.set(key, { pattern: p, places: [p.where] });
    }
    const entries = [...unique.values()];
    const jobs: Job[] = entries.map((e, id) => ({
      id,
      source: e.pattern.source,
      flags: e.pattern.flags,
      attacks: attacksFor(e.pattern.source),
    }));
    const verdicts = await audit(jobs);
    expect(verdicts.length).toBe(jobs.length);

    const show = (s: string) => JSON.stringify(s.length > 12 ? `${s.slice(0, 12)}…` : s);
    const slow = verdicts
      .filter((v) => v.worst?.over)
      .map((v) => {
        const e = entries[v.id];
        const w = v.worst!;
        return `${e.places.join(', ')} /${e.pattern.source}/${e.pattern.flags}: ${show(w.attack.prefix)} + ${show(w.attack.pump)} × n took ${Number.isFinite(w.ms) ? `${Math.round(w.ms)} ms of CPU for ${w.chars} characters` : `over ${STUCK_MS / 1000} s (exponential)`}`;
      });
    expect(slow).toEqual([]);
  });
});
