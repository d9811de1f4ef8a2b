/**
 * `npm run cli -- sentiment --input FILE.csv --text-column text --out OUT.csv`
 * Writes `index,language,sentiment` (0-based data row index, detected language, -1/0/1) for every input
 * row in order, with the same analyzeSentiment() that ingestion uses. Streams, so large files are fine;
 * the output appears only when complete (written to a temporary file, then renamed).
 */
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { createReadStream, createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { analyzeSentiment } from '../text/sentiment/analyze-sentiment';

const HELP = `Usage: npm run cli -- sentiment --input FILE.csv [--text-column text] [--out OUT.csv] [--language ru]

Detects each row's language and sentiment and writes index,language,sentiment
(index: 0-based data row; sentiment: -1 negative, 0 neutral, 1 positive; empty text: und, 0).

Options:
  --input FILE         CSV with a header row (UTF-8, comma-separated)
  --text-column NAME   column holding the text (default: text)
  --out FILE           where to write the result (default: standard output)
  --language CODE      skip detection and score every row as this language (ru, en, …)
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
        language: { type: 'string' },
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
  const column = options['text-column'];
  const out = options.out && options.out !== '-' ? options.out : undefined;

  const records = createReadStream(input).pipe(
    parse({ bom: true, delimiter: options.delimiter, relax_column_count: true, skip_empty_lines: true }),
  );
  const temporary = out ? `${out}.${process.pid}.partial` : undefined;
  const writer = stringify({ header: true, columns: ['index', 'language', 'sentiment'] });
  const sink = temporary ? createWriteStream(temporary) : process.stdout;
  writer.pipe(sink);

  const counts = { rows: 0, negative: 0, neutral: 0, positive: 0 };
  try {
    let textAt = -1;
    for await (const record of records as AsyncIterable<string[]>) {
      if (textAt < 0) {
        textAt = record.findIndex((name) => name.trim() === column);
        if (textAt < 0) throw new Error(`Column "${column}" not found in ${input}. Columns: ${record.join(', ')}`);
        continue;
      }
      const text = record[textAt] ?? '';
      const result = text.trim() ? analyzeSentiment(text, options.language) : { language: 'und', label: 0 };
      if (!writer.write([counts.rows, result.language, result.label])) await once(writer, 'drain');
      counts.rows++;
      if (result.label < 0) counts.negative++;
      else if (result.label > 0) counts.positive++;
      else counts.neutral++;
    }
    if (textAt < 0) throw new Error(`${input} is empty: expected a header row with a "${column}" column.`);
    writer.end();
    if (temporary) {
      await once(sink, 'finish');
      renameSync(temporary, out!);
    }
  } catch (error) {
    writer.destroy();
    if (temporary) {
      sink.destroy();
      rmSync(temporary, { force: true });
    }
    return fail(error instanceof Error ? error.message : String(error));
  }
  process.stderr.write(
    `Scored ${counts.rows} rows${out ? ` into ${out}` : ''}: ${counts.positive} positive, ${counts.neutral} neutral, ${counts.negative} negative.\n`,
  );
  return 0;
}

function fail(message: string): number {
  process.stderr.write(`${message.trimEnd()}\n`);
  return 2;
}
