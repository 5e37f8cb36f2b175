// The subcommand table of `socklab`: name → one-line summary and a loader for the module whose
// `main(argv, io)` runs it. Adding a subcommand is one row here.

import type { CliMain } from './io';

/** CliCommand is one row of the table: what `socklab help` says, and how to load the command's main. */
export interface CliCommand {
  readonly summary: string;
  readonly load: () => Promise<{ readonly main: CliMain }>;
}

/** COMMANDS lists every subcommand, in the order `socklab help` prints them. */
export const COMMANDS: Readonly<Record<string, CliCommand>> = {
  run: { summary: 'compile a C file and run it in the simulated world', load: () => import('./run') },
  shell: {
    summary: 'the lab shell on a simulated world (script or interactive)',
    load: () => import('./shell'),
  },
  grade: { summary: "check students' submissions against a lab and report", load: () => import('./grade') },
};
