/**
 * What the CSV-in, CSV-out commands share: the common options (--input, --text-column, --out,
 * --delimiter, --help), reading one text column row by row, and an output that appears only when
 * complete (a temporary file renamed at the end) or streams to standard output.
 */
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface CsvCommandArgs {
  input: string;
  column: string;
  /** Undefined: standard output. */
  out: string | undefined;
  delimiter: string;
}

const COMMON_OPTIONS = {
  input: { type: 'string' },
  'text-column': { type: 'string', default: 'text' },
  out: { type: 'string' },
  delimiter: { type: 'string', default: ',' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionsConfig;

/** Prints the message to standard error; exit code 2 (usage or input problem). */
export function fail(message: string): number {
  process.stderr.write(`${message.trimEnd()}\n`);
  return 2;
}

/**
 * Parses the common options plus the command's own; returns an exit code when the command should stop
 * (help shown, or a usage problem reported).
 */
export function parseCsvCommandArgs(
  args: string[],
  extra: OptionsConfig,
  help: string,
): { common: CsvCommandArgs; values: Record<string, string | boolean | undefined> } | number {
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    values = parseArgs({ args, options: { ...COMMON_OPTIONS, ...extra }, strict: true }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${help}`);
  }
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  const input = values.input as string | undefined;
  if (!input) return fail(`--input is required.\n\n${help}`);
  if (!existsSync(input) || !statSync(input).isFile()) return fail(`Input file not found: ${input}`);
  const out = values.out as string | undefined;
  return {
    common: {
      input,
      column: values['text-column'] as string,
      out: out && out !== '-' ? out : undefined,
      delimiter: values.delimiter as string,
    },
    values: values as Record<string, string | boolean | undefined>,
  };
}

/** The text column of every data row, in order (missing cells read as empty text). */
export async function* textColumn({ input, column, delimiter }: CsvCommandArgs): AsyncGenerator<string> {
  const records = createReadStream(input).pipe(parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true }));
  let textAt = -1;
  for await (const record of records as AsyncIterable<string[]>) {
    if (textAt < 0) {
      textAt = record.findIndex((name) => name.trim() === column);
      if (textAt < 0) throw new Error(`Column "${column}" not found in ${input}. Columns: ${record.join(', ')}`);
      continue;
    }
    yield record[textAt] ?? '';
  }
  if (textAt < 0) throw new Error(`${input} is empty: expected a header row with a "${column}" column.`);
}

export interface CsvOutput {
  write(row: unknown[]): Promise<void>;
  /** Finishes the output; a file appears under its name only now. */
  commit(): Promise<void>;
  /** Drops a half-written file. */
  abort(): void;
}

export function csvOutput(out: string | undefined, columns: string[]): CsvOutput {
  const temporary = out ? `${out}.${process.pid}.partial` : undefined;
  const writer = stringify({ header: true, columns });
  const sink = temporary ? createWriteStream(temporary) : process.stdout;
  writer.pipe(sink);
  return {
    async write(row) {
      if (!writer.write(row)) await once(writer, 'drain');
    },
    async commit() {
      writer.end();
      if (temporary) {
        await once(sink, 'finish');
        renameSync(temporary, out!);
      }
    },
    abort() {
      writer.destroy();
      if (temporary) {
        sink.destroy();
        rmSync(temporary, { force: true });
      }
    },
  };
}
