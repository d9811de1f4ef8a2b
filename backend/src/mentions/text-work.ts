import { spawnWorker } from '../common/workers/spawn-worker';
import { FeedParseError, type FeedMention } from './feeds/feed-parser';
import type { TextAnalysis } from './mention-analysis';
import { doTextJob, type TextJob, type TextJobResult } from './text-work-jobs';

/**
 * Below this many characters the work is a few milliseconds inline; above it, a worker thread does it
 * so the event loop keeps answering (/health, other requests) while a 5 MB batch or feed is analysed.
 */
export const INLINE_TEXT_CHARS = 50_000;
/** Text workers at once; more wait their turn (the server has few cores, and each worker is a heap). */
const MAX_WORKERS = 2;
const WORKER_HEAP_MB = 512;

let running = 0;
const waiting: (() => void)[] = [];

async function withWorkerSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_WORKERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/** Runs `job` inline when its text is short, else in a worker thread. */
export function runTextWork(job: TextJob, chars: number): Promise<TextJobResult> {
  if (chars < INLINE_TEXT_CHARS) return doTextJob(job);
  return withWorkerSlot(async () => {
    const worker = await spawnWorker(__dirname, 'text-work-worker', {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    return new Promise<TextJobResult>((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        void worker.terminate();
        outcome();
      };
      worker.on('message', (reply: { result: TextJobResult } | { failure: string }) =>
        settle(() => ('result' in reply ? resolve(reply.result) : reject(new Error(`text worker failed: ${reply.failure}`)))),
      );
      worker.on('error', (error) => settle(() => reject(error)));
      worker.on('exit', (code) => settle(() => reject(new Error(`text worker exited with code ${code} before answering`))));
    });
  });
}

/** Language, sentiment and copy-detection keys for each text. */
export async function analyseTexts(items: { text: string; language?: string }[]): Promise<TextAnalysis[]> {
  const result = await runTextWork(
    { kind: 'analyse', items: items.map((i) => ({ text: i.text, ...(i.language ? { language: i.language } : {}) })) },
    totalChars(items.map((i) => i.text)),
  );
  return (result as Extract<TextJobResult, { kind: 'analyse' }>).analyses;
}

/** Normalised words of each text (dedupKeys(text).words). */
export async function dedupWords(texts: string[]): Promise<string[][]> {
  const result = await runTextWork({ kind: 'words', texts }, totalChars(texts));
  return (result as Extract<TextJobResult, { kind: 'words' }>).words;
}

/** Parses a feed document into mentions; a document that is not a feed is a FeedParseError. */
export async function feedMentions(xml: string, source: string, feedUrl: string, now = new Date()): Promise<FeedMention[]> {
  const result = await runTextWork({ kind: 'feed', xml, source, feedUrl, now: now.toISOString() }, xml.length);
  if (result.kind === 'feed-error') throw new FeedParseError(result.error);
  return (result as Extract<TextJobResult, { kind: 'feed' }>).mentions;
}

const totalChars = (texts: readonly string[]) => texts.reduce((sum, t) => sum + t.length, 0);
