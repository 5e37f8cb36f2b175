import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { preprocess } from '../preprocess';
import layout from './fixtures/gcc-layout.json';
import { SYSTEM_HEADERS, systemHeader } from './index';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, 'fixtures');
const constants: Record<string, string> = layout.constants;

// Object-like macros that are not integer constants, so gcc-layout.json has no value for them.
const NOT_CONSTANTS = new Set([
  'errno', 'h_errno', 'stdin', 'stdout', 'stderr', 's6_addr', 's6_addr16', 's6_addr32', 'h_addr', 'sa_handler',
  'sa_sigaction', 'si_pid', 'si_uid', 'si_status', 'bool', 'IN6ADDR_ANY_INIT', 'IN6ADDR_LOOPBACK_INIT',
  '__NFDBITS', 'PRId8', 'PRId16', 'PRId32', 'PRId64', 'PRIi32', 'PRIi64', 'PRIu8', 'PRIu16', 'PRIu32', 'PRIu64',
  'PRIx8', 'PRIx16', 'PRIx32', 'PRIx64', 'PRIX32', 'PRIX64', 'PRIdMAX', 'PRIuMAX',
]); // prettier-ignore

/** objectMacros lists `#define NAME value` lines of every header (guards and function-like macros excluded). */
function objectMacros(): { header: string; name: string; value: string }[] {
  const out: { header: string; name: string; value: string }[] = [];
  for (const [header, text] of Object.entries(SYSTEM_HEADERS)) {
    for (const m of text.matchAll(/^#define ([A-Za-z_]\w*)(?:[ \t]+(.*))?$/gm)) {
      const value = m[2]?.trim() ?? '';
      if (value === '' && /^_.*_H$/.test(m[1]!)) continue; // include guard
      out.push({ header, name: m[1]!, value });
    }
  }
  return out;
}

/** literalValue reads a plain integer literal value (`0x10`, `-5`, `(-1)`, `04000`, `1UL`), or undefined if it is an expression. */
function literalValue(value: string): bigint | undefined {
  const m = /^\(?(-?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)[uUlL]*\)?$/.exec(value);
  if (m === null) return undefined;
  const digits = m[2]!;
  const v =
    digits.length > 1 && digits[0] === '0' && !/^0[xX]/.test(digits)
      ? BigInt('0o' + digits.slice(1))
      : BigInt(digits);
  return m[1] === '-' ? -v : v;
}

const work = mkdtempSync(join(tmpdir(), 'socklab-headers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** runC compiles C text with gcc (`-nostdinc`, our headers on the system path when given) and returns its stdout. */
function runC(text: string, includeDir?: string): string {
  const src = join(work, 'prog.c');
  const exe = join(work, 'prog');
  writeFileSync(src, text);
  const inc = includeDir === undefined ? [] : ['-nostdinc', '-isystem', includeDir];
  execFileSync('gcc', ['-std=gnu11', '-O0', '-w', ...inc, '-I', fixtures, '-o', exe, src], {
    encoding: 'utf8',
  });
  return execFileSync(exe, { encoding: 'utf8' });
}

function writeHeaders(): string {
  const dir = join(work, 'include');
  for (const [name, text] of Object.entries(SYSTEM_HEADERS)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const withoutCompiler = (json: string): unknown => ({ ...JSON.parse(json), compiler: undefined });

describe('system headers', () => {
  it.each(Object.keys(SYSTEM_HEADERS))('preprocess cleanly when a program includes <%s> twice', (name) => {
    const r = preprocess({
      path: 'p.c',
      text: `#include <${name}>\n#include <${name}>\n`,
      readFile: () => undefined,
    });
    expect(r.diagnostics).toEqual([]);
  });

  it('covers every header the C subset promises when looked up by name', () => {
    const promised = ['sys/socket.h', 'sys/types.h', 'netinet/in.h', 'netinet/tcp.h', 'arpa/inet.h', 'netdb.h', 'unistd.h', 'stdio.h', 'stdlib.h', 'string.h', 'strings.h', 'errno.h', 'fcntl.h', 'poll.h', 'sys/select.h', 'signal.h', 'sys/wait.h', 'time.h', 'stdint.h', 'stdbool.h', 'stddef.h', 'limits.h', 'stdarg.h', 'sys/time.h', 'ctype.h']; // prettier-ignore
    expect(promised.filter((h) => systemHeader(h) === undefined)).toEqual([]);
    expect(systemHeader('toString')).toBeUndefined();
  });

  it('declares only constants gcc measured when a header defines an object-like macro', () => {
    const unmeasured = objectMacros().filter(
      (m) => !Object.hasOwn(constants, m.name) && !NOT_CONSTANTS.has(m.name),
    );
    expect(unmeasured).toEqual([]);
  });

  it('gives each literal constant the value gcc measured when it is written as a number', () => {
    const wrong = objectMacros()
      .map((m) => ({ ...m, got: literalValue(m.value) }))
      .filter(
        (m) =>
          m.got !== undefined && Object.hasOwn(constants, m.name) && m.got !== BigInt(constants[m.name]!),
      )
      .map((m) => `${m.header}: ${m.name} got ${m.got}, want ${constants[m.name]}`);
    expect(wrong).toEqual([]);
  });

  it('reproduce gcc-layout.json exactly when gcc builds the generator against them', () => {
    const program = readFileSync(join(fixtures, 'gcc-layout.c'), 'utf8');
    const out = runC(program, writeHeaders());
    expect(withoutCompiler(out)).toEqual({ ...layout, compiler: undefined });
  });

  it('reproduce gcc-layout.json exactly when our preprocessor expands the generator for gcc', () => {
    const path = 'fixtures/gcc-layout.c';
    const r = preprocess({
      path,
      text: readFileSync(join(fixtures, 'gcc-layout.c'), 'utf8'),
      readFile: (p) => (p.startsWith('fixtures/') ? readFileSync(join(here, p), 'utf8') : undefined),
    });
    expect(r.diagnostics).toEqual([]);
    expect(withoutCompiler(runC(r.code))).toEqual({ ...layout, compiler: undefined });
  });

  it('run the FD_* and W* macros as on Linux when a program uses them', () => {
    const program = `#include <sys/select.h>
#include <sys/wait.h>
#include <stdio.h>
int main(void) {
  fd_set s; FD_ZERO(&s); FD_SET(3, &s); FD_SET(1023, &s); FD_SET(64, &s); FD_CLR(64, &s);
  printf("%d %d %d %d|", FD_ISSET(3, &s), FD_ISSET(1023, &s), FD_ISSET(64, &s), FD_ISSET(4, &s));
  printf("%d %d %d %d %d", WIFEXITED(0x0300), WEXITSTATUS(0x0300), WIFSIGNALED(0x0009), WTERMSIG(0x0009), WIFSTOPPED(0x137f));
  return 0;
}
`;
    const ours = runC(program, writeHeaders());
    expect(ours).toBe(runC(program));
    expect(ours).toBe('1 1 0 0|1 3 1 9 1');
  });
});
