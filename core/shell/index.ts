// core/shell is the lab shell behind every terminal: a line editor (a small readline) for
// the prompt, a POSIX-like grammar (lists, pipes, redirections, $?), a job model in which
// each command is a JobTask with its own stdin/stdout/stderr streams (job.ts explains it), the
// canonical-mode tty discipline a foreground job reads the terminal through, built-in
// commands with the output and errors of their Linux namesakes, and the student's workspace
// seen under /home/student. It is headless: the renderer's xterm, the CLI and the tests all
// drive it through LabShell.input() and read what it writes.
export { LabShell, HISTORY_LIMIT } from './shell';
export type { LabShellOptions } from './shell';
export { HOME, fsErrorText, resolvePath, parentOf, ok, fail, utf8Length } from './workspace';
export { MemoryWorkspace } from './memoryWorkspace';
export { encodeUtf8, decodeUtf8 } from './utf8';
export type { Workspace, WorkspaceEntry, FsResult, FsErrno } from './workspace';
export type { ShellCommand, CommandIo, InputReader } from './command';
export { Job, builtinTask, SIGINT_STATUS, SIGPIPE_STATUS } from './job';
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
