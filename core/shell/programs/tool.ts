// Network tools written in C (ping, nc): compiled once per session by the shell's C compiler
// and run as tasks on the command's host with the job's streams, like any student program, so
// their system calls, sockets and packets appear in the trace as a real tool's would.
import type { ShellCommand } from '../command';
import { errStream, outStream } from './cc';
import { compileSource } from './load';
import { programTask } from './programTask';

/** ToolSpec describes a tool: its help texts, C source and whether it runs as root (setuid, as ping). */
export interface ToolSpec extends Pick<ShellCommand, 'name' | 'summary' | 'usage' | 'example'> {
  readonly source: string;
  readonly root: boolean;
}

/** cTool makes the shell command that runs a tool's C program. */
export function cTool(spec: ToolSpec): ShellCommand {
  return {
    name: spec.name,
    summary: spec.summary,
    usage: spec.usage,
    example: spec.example,
    completesFiles: false,
    run(argv, io) {
      const lab = io.lab;
      if (lab === undefined) {
        io.err(`${spec.name}: no simulated world in this shell\n`);
        return 1;
      }
      const src = { sourcePath: `${spec.name}.c`, shownPath: `${spec.name}.c`, source: spec.source };
      return programTask({
        session: lab.session,
        host: lab.host,
        root: spec.root || lab.root,
        foreground: !lab.background,
        argv: [spec.name, ...argv.slice(1)],
        stdio: { stdin: io.stdin, stdout: outStream(io), stderr: errStream(io) },
        load: (done) => compileSource(lab, io.workspace, src, errStream(io), done),
      });
    },
  };
}
