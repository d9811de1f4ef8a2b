/** The CLI's command registry: a name, a one-line summary, and a lazy loader per command. */
export interface CliCommand {
  /** Runs the command with its own arguments; resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}

interface CliCommandEntry {
  summary: string;
  load(): Promise<CliCommand>;
}

export const CLI_COMMANDS: Record<string, CliCommandEntry> = {
  // Commands register here, one line each: name: { summary, load: () => import('./<name>.command') }
  cluster: {
    summary: 'Group the texts of a CSV into clusters (number chosen automatically), with labels',
    load: () => import('./cluster.command'),
  },
  sentiment: { summary: 'Language and sentiment (-1/0/1) of each row of a CSV', load: () => import('./sentiment.command') },
};
