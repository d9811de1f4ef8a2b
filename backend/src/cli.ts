/**
 * Offline command-line entry: `npm run cli -- <command> [options]`.
 * Each command lives in its own module under ./cli and is loaded only when asked for,
 * so one command's dependencies never slow another's start.
 */
import { CLI_COMMANDS } from './cli/commands';

function usage(): string {
  const lines = Object.entries(CLI_COMMANDS).map(([name, entry]) => `  ${name.padEnd(12)} ${entry.summary}`);
  return ['Usage: npm run cli -- <command> [options]', '', 'Commands:', ...lines, '', 'Run a command with --help for its options.'].join(
    '\n',
  );
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const entry = Object.hasOwn(CLI_COMMANDS, name) ? CLI_COMMANDS[name] : undefined;
  if (!entry) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage()}\n`);
    return 2;
  }
  const command = await entry.load();
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
