/**
 * `npm run cli -- cluster --input FILE.csv --text-column text --out OUT.csv`
 * Clusters the texts of a CSV with the same engine the service uses and writes `index,cluster_id,label`
 * (0-based data row index; cluster_id -1 and an empty label for texts that fit no cluster) for every input
 * row in order. A progress bar goes to standard error (only on a terminal); the output appears only when
 * complete (written to a temporary file, then renamed).
 */
import { SingleBar } from 'cli-progress';
import { writeFileSync } from 'node:fs';
import { csvOutput, fail, parseCsvCommandArgs, textColumn } from './csv-io';
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
  const parsed = parseCsvCommandArgs(
    args,
    {
      summary: { type: 'string' },
      seed: { type: 'string', default: '42' },
      resolution: { type: 'string' },
    },
    HELP,
  );
  if (typeof parsed === 'number') return parsed;
  const { common, values: options } = parsed;
  const { input, out } = common;
  const seed = Number(options.seed);
  if (!Number.isInteger(seed)) return fail(`--seed must be an integer, got "${options.seed}".`);
  const resolution = options.resolution === undefined ? undefined : Number(options.resolution);
  if (resolution !== undefined && !(resolution > 0)) return fail(`--resolution must be a positive number, got "${options.resolution}".`);
  const texts: string[] = [];
  try {
    for await (const text of textColumn(common)) texts.push(text);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  if (texts.length === 0) return fail(`${input} has a header but no data rows: nothing to cluster.`);

  const bar = new SingleBar({
    stream: process.stderr,
    format: 'Clustering [{bar}] {percentage}% | {stage}',
    hideCursor: true,
    barCompleteChar: '#',
    barIncompleteChar: '-',
  });
  bar.start(100, 0, { stage: 'start' });
  const result = clusterTexts(texts, {
    seed,
    ...(resolution === undefined ? {} : { resolution }),
    onProgress: (fraction, stage) => bar.update(Math.round(fraction * 100), { stage }),
  });
  bar.stop();

  const output = csvOutput(out, ['index', 'cluster_id', 'label']);
  try {
    for (let i = 0; i < texts.length; i++) {
      const c = result.assignments[i];
      await output.write([i, c, c === UNCLUSTERED ? '' : result.clusters[c].label]);
    }
    await output.commit();
    if (options.summary) {
      const summary = result.clusters.map((c) => ({
        cluster_id: c.index,
        label: c.label,
        keywords: c.keywords,
        size: c.size,
        language: c.language,
        examples: c.examples.map((i) => ({ index: i, text: texts[i] })),
      }));
      writeFileSync(options.summary as string, JSON.stringify(summary, null, 2) + '\n');
    }
  } catch (error) {
    output.abort();
    return fail(error instanceof Error ? error.message : String(error));
  }
  const unclustered = result.assignments.filter((c) => c === UNCLUSTERED).length;
  process.stderr.write(
    `Clustered ${texts.length} rows${out ? ` into ${out}` : ''}: ${result.clusters.length} clusters, ${unclustered} unclustered.\n`,
  );
  return 0;
}
