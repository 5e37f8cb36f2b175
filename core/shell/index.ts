// core/shell is the lab shell behind every terminal: a line discipline (a small readline),
// built-in commands with the output and errors of their Linux namesakes, and the student's
// workspace seen under /home/student. It is headless: the renderer's xterm, the CLI and the
// tests all drive it through LabShell.input() and read what it writes.
export { LabShell, HISTORY_LIMIT } from './shell';
export type { LabShellOptions } from './shell';
export { MemoryWorkspace, HOME, fsErrorText, resolvePath, ok, fail, utf8Length } from './workspace';
export type { Workspace, WorkspaceEntry, FsResult, FsErrno } from './workspace';
export type { ShellCommand, CommandIo } from './command';
