/**
 * `npm run cli -- sentiment --input FILE.csv --text-column text --out OUT.csv`
 * Writes `index,language,sentiment` (0-based data row index, detected language, -1/0/1) for every input
 * row in order, with the same analyzeSentiment() that ingestion uses. Streams, so large files are fine;
 * the output appears only when complete (written to a temporary file, then renamed).
 */
import { csvOutput, fail, parseCsvCommandArgs, textColumn } from './csv-io';
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
  const parsed = parseCsvCommandArgs(args, { language: { type: 'string' } }, HELP);
  if (typeof parsed === 'number') return parsed;
  const { common, values: options } = parsed;
  const { out } = common;
  const language = options.language as string | undefined;
  const output = csvOutput(out, ['index', 'language', 'sentiment']);

  const counts = { rows: 0, negative: 0, neutral: 0, positive: 0 };
  try {
    for await (const text of textColumn(common)) {
      const result = text.trim() ? analyzeSentiment(text, language) : { language: 'und', label: 0 };
      await output.write([counts.rows, result.language, result.label]);
      counts.rows++;
      if (result.label < 0) counts.negative++;
      else if (result.label > 0) counts.positive++;
      else counts.neutral++;
    }
    await output.commit();
  } catch (error) {
    output.abort();
    return fail(error instanceof Error ? error.message : String(error));
  }
  process.stderr.write(
    `Scored ${counts.rows} rows${out ? ` into ${out}` : ''}: ${counts.positive} positive, ${counts.neutral} neutral, ${counts.negative} negative.\n`,
  );
  return 0;
}
