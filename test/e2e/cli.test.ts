// End to end: the built `socklab` command (bin/socklab.mjs → out/main/socklab.js, so run
// `npm run build` first) as its own process, with a C program's stdin, stdout, stderr and
// exit status passed through the real streams.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('socklab (built)', () => {
  it("passes the program's streams and exit status through when run as a process", () => {
    const dir = mkdtempSync(join(tmpdir(), 'socklab-e2e-'));
    writeFileSync(
      join(dir, 'echo.c'),
      '#include <stdio.h>\nint main(int argc, char **argv) {\n    char line[32];\n    while (fgets(line, sizeof line, stdin)) printf("%s: %s", argv[1], line);\n    fprintf(stderr, "bye\\n");\n    return argc + 40;\n}\n',
    );
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/socklab.mjs'), 'run', 'echo.c', 'got'], {
      cwd: dir,
      input: 'one\ntwo\n',
      encoding: 'utf8',
    });
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
      status: 42,
      stdout: 'got: one\ngot: two\n',
      stderr: 'bye\n',
    });
  });

  it('exits 2 naming the command when the command is unknown', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/socklab.mjs'), 'nope'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^socklab: unknown command 'nope' \(commands: run/);
  });
});
