// Small rules of the Editor pane: which names a new file may have, what a new C file starts
// with, and the shell line that runs a file.

/** newFileProblem says what is wrong with a name typed for a new file, or undefined when it is fine. */
export function newFileProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Type a name for the new file, such as client.c.';
  if (trimmed.startsWith('/') || trimmed.startsWith('~'))
    return 'Give a name inside the workspace, such as src/client.c.';
  if (trimmed.split('/').some((part) => part === '' || part === '.' || part === '..'))
    return 'A name cannot contain empty parts, "." or "..".';
  if (/[\0\\]/.test(trimmed)) return 'A name cannot contain "\\".';
  return undefined;
}

/** starterText is what a new file holds: a main() for a C source, nothing otherwise. */
export function starterText(path: string): string {
  if (!path.endsWith('.c')) return '';
  return '#include <stdio.h>\n\nint main(void)\n{\n    return 0;\n}\n';
}

/** runLine is the shell line that runs a C file, quoted when its path needs it. */
export function runLine(path: string): string {
  const word = /^[\w./+-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
  return `run ${word}`;
}

/** isRunnable is true for a C source file. */
export function isRunnable(path: string | undefined): boolean {
  return path?.endsWith('.c') ?? false;
}
