// core/shell is the lab shell behind every terminal: a line editor (a small readline) for
// the prompt, a POSIX-like grammar (lists, pipes, redirections, $?), a job model in which
// each command is a JobTask with its own stdin/stdout/stderr streams (job.ts explains it), the
// canonical-mode tty discipline a foreground job reads the terminal through, built-in
// commands with the output and errors of their Linux namesakes, and the student's workspace
// seen under /home/student. With a LabSession it also runs C programs (programs/: cc, ./name,
// run, as tasks in the simulated world), background jobs (& jobs fg wait kill ps), `on HOST`
// and `sudo`, and the network and kernel tools (net/: ss, ip, arp, ping, nc, tcpdump,
// iptables, tc, sysctl, inspect; commands/world.ts: sleep, trace, kernel, reset, edit). It is
// headless: the renderer's xterm, the CLI and the tests all drive it through LabShell.input()
// and read what it writes.
export { LabShell, HISTORY_LIMIT } from './shell';
export type { LabShellOptions } from './shell';
export { HOME, fsErrorText, resolvePath, parentOf, ok, fail, utf8Length } from './workspace';
export { MemoryWorkspace } from './memoryWorkspace';
export { encodeUtf8, decodeUtf8 } from './utf8';
export type { Workspace, WorkspaceEntry, FsResult, FsErrno } from './workspace';
export type { ShellCommand, CommandIo, InputReader, LabIo } from './command';
export { JobTable, type ShellJob } from './jobTable';
export { Job, builtinTask, SIGINT_STATUS, SIGPIPE_STATUS, SIGNALS } from './job';
export type { JobTask, TaskSpec, Stdio, JobSignal, Closable } from './job';
export { Pipe, textInput, nullInput } from './streams';
export type { InStream, OutStream, ReadResult } from './streams';
export { parseLine } from './parse';
export type {
  ListItem,
  SimpleCommand,
  Word,
  WordPart,
  Redirect,
  RedirectOp,
  Connector,
  ParseResult,
} from './parse';
