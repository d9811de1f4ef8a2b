/**
 * `npm run cli -- cluster --input FILE.csv --text-column text --out OUT.csv`
 * Clusters the texts of a CSV with the same engine the service uses and writes `index,cluster_id,label`
 * (0-based data row index; cluster_id -1 and an empty label for texts that fit no cluster) for every input
 * row in order. A progress bar goes to standard error (only on a terminal); the output appears only when
 * complete (written to a temporary file, then renamed).
 */
import { SingleBar } from 'cli-progress';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { clusterTexts, UNCLUSTERED } from '../text/engine';

const HELP = `Usage: npm run cli -- cluster --input FILE.csv [--text-column text] [--out OUT.csv] [--summary CLUSTERS.json]

Groups similar texts (complaints, posts, answers) into clusters; the number of clusters is chosen
automatically. Writes index,cluster_id,label for every row (index: 0-based data row;
cluster_id: 0 = largest cluster, -1 = fits no cluster).

Options:
  --input FILE         CSV with a header row (UTF-8, comma-separated)
  --text-column NAME   column holding the text (default: text)
  --out FILE           where to write the result (default: standard output)
  --summary FILE       also write the clusters (label, keywords, size, example texts) as JSON
  --seed N             random seed; equal input and seed give equal output (default: 42)
  --resolution X       higher gives more, smaller clusters (default: engine's)
  --delimiter CHAR     input field separator (default: ,)
`;

export async function run(args: string[]): Promise<number> {
  let options;
  try {
    options = parseArgs({
      args,
      options: {
        input: { type: 'string' },
        'text-column': { type: 'string', default: 'text' },
        out: { type: 'string' },
        summary: { type: 'string' },
        seed: { type: 'string', default: '42' },
        resolution: { type: 'string' },
        delimiter: { type: 'string', default: ',' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${HELP}`);
  }
  if (options.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const input = options.input;
  if (!input) return fail(`--input is required.\n\n${HELP}`);
  if (!existsSync(input) || !statSync(input).isFile()) return fail(`Input file not found: ${input}`);
  const seed = Number(options.seed);
  if (!Number.isInteger(seed)) return fail(`--seed must be an integer, got "${options.seed}".`);
  const resolution = options.resolution === undefined ? undefined : Number(options.resolution);
  if (resolution !== undefined && !(resolution > 0)) return fail(`--resolution must be a positive number, got "${options.resolution}".`);
  const column = options['text-column'];
  const out = options.out && options.out !== '-' ? options.out : undefined;

  let texts: string[];
  try {
    texts = await readColumn(input, column, options.delimiter);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  if (texts.length === 0) return fail(`${input} has a header but no data rows: nothing to cluster.`);

  const bar = new SingleBar({ stream: process.stderr, format: 'Clustering [{bar}] {percentage}% | {stage}', hideCursor: true, barCompleteChar: '#', barIncompleteChar: '-' });
  bar.start(100, 0, { stage: 'start' });
  const result = clusterTexts(texts, {
    seed,
    ...(resolution === undefined ? {} : { resolution }),
    onProgress: (fraction, stage) => bar.update(Math.round(fraction * 100), { stage }),
  });
  bar.stop();

  const temporary = out ? `${out}.${process.pid}.partial` : undefined;
  const writer = stringify({ header: true, columns: ['index', 'cluster_id', 'label'] });
  const sink = temporary ? createWriteStream(temporary) : process.stdout;
  writer.pipe(sink);
  try {
    for (let i = 0; i < texts.length; i++) {
      const c = result.assignments[i];
      if (!writer.write([i, c, c === UNCLUSTERED ? '' : result.clusters[c].label])) await once(writer, 'drain');
    }
    writer.end();
    if (temporary) {
      await once(sink, 'finish');
      renameSync(temporary, out!);
    }
    if (options.summary) {
      const summary = result.clusters.map((c) => ({
        cluster_id: c.index,
        label: c.label,
        keywords: c.keywords,
        size: c.size,
        language: c.language,
        examples: c.examples.map((i) => ({ index: i, text: texts[i] })),
      }));
      writeFileSync(options.summary, JSON.stringify(summary, null, 2) + '\n');
    }
  } catch (error) {
    writer.destroy();
    if (temporary) {
      sink.destroy();
      rmSync(temporary, { force: true });
    }
    return fail(error instanceof Error ? error.message : String(error));
  }
  const unclustered = result.assignments.filter((c) => c === UNCLUSTERED).length;
  process.stderr.write(`Clustered ${texts.length} rows${out ? ` into ${out}` : ''}: ${result.clusters.length} clusters, ${unclustered} unclustered.\n`);
  return 0;
}

/** The text column of every data row, in order (missing cells read as empty text). */
async function readColumn(input: string, column: string, delimiter: string): Promise<string[]> {
  const records = createReadStream(input).pipe(parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true }));
  const texts: string[] = [];
  let textAt = -1;
  for await (const record of records as AsyncIterable<string[]>) {
    if (textAt < 0) {
      textAt = record.findIndex((name) => name.trim() === column);
      if (textAt < 0) throw new Error(`Column "${column}" not found in ${input}. Columns: ${record.join(', ')}`);
      continue;
    }
    texts.push(record[textAt] ?? '');
  }
  if (textAt < 0) throw new Error(`${input} is empty: expected a header row with a "${column}" column.`);
  return texts;
}

function fail(message: string): number {
  process.stderr.write(`${message.trimEnd()}\n`);
  return 2;
}
