// The REPL session on its own (no kernel): lines compiled one at a time in a persistent scope,
// values printed as gdb prints them, errors gcc-style against the typed line with nothing lost.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CParser } from './index';
import { createCParser, runSlice } from './index';
import { ReplSession } from './repl';
import { MemoryHost } from './vm/memoryHost';

const root = new URL('../../', import.meta.url).pathname;
let parser: CParser;
beforeAll(async () => {
  parser = await createCParser({
    runtimeWasm: readFileSync(join(root, 'node_modules/web-tree-sitter/web-tree-sitter.wasm')),
    languageWasm: readFileSync(join(root, 'node_modules/tree-sitter-c/tree-sitter-c.wasm')),
  });
});

/** Repl runs each line's program to its end on one MemoryHost, collecting what the REPL prints. */
class Repl {
  readonly session: ReplSession;
  readonly host = new MemoryHost();

  constructor(session?: ReplSession) {
    this.session = session ?? new ReplSession({ parser });
  }

  /** line evaluates one line and returns program output plus the REPL's text (or the error text). */
  line(text: string): string {
    const before = this.host.out.length;
    const p = this.session.prepare(text);
    if (p.k === 'more') return '...';
    if (p.k === 'empty') return '';
    if (p.k === 'error') return p.text;
    let r = runSlice(p.vm, this.host, 1_000_000);
    while (r.k === 'yield') r = runSlice(p.vm, this.host, 1_000_000);
    if (r.k === 'fault') return `fault: ${r.fault.message}`;
    if (r.k !== 'exit') return `stopped: ${r.k}`;
    const f = p.finish(p.vm);
    const out = this.host.out.slice(before);
    return f.k === 'done' ? out + f.text : `${out}exit ${f.code}`;
  }
}

describe('ReplSession', () => {
  it('prints each declared variable and keeps it for later lines', () => {
    const r = new Repl();
    expect(r.line('int a = 6 * 7, b;')).toBe('a = 42\nb = 0\n');
    expect(r.line('b = a + 1;')).toBe('b = 43\n');
    expect(r.line('a * b')).toBe('a * b = 1806\n');
  });

  it('prints values as gdb does for chars, pointers, strings, arrays and structs', () => {
    const r = new Repl();
    expect(r.line("char c = 'A';")).toBe("c = 65 'A'\n");
    expect(r.line('char *s = "hi\\n";')).toMatch(/^s = 0x[0-9a-f]+ "hi\\n"\n$/);
    expect(r.line('int v[3] = {1, 2, 3};')).toBe('v = {1, 2, 3}\n');
    expect(r.line('struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(80) };')).toBe(
      'sa = {sin_family = 2, sin_port = 20480, sin_addr = {s_addr = 0}, sin_zero = ""}\n',
    );
    expect(r.line('double d = 0.5;')).toBe('d = 0.5\n');
    expect(r.line('_Bool ok = 1;')).toBe('ok = true\n');
    expect(r.line('s')).toMatch(/^s = 0x[0-9a-f]+ "hi\\n"\n$/);
  });

  it('sizes an array from its initializer when the declaration leaves the size out', () => {
    const r = new Repl();
    expect(r.line('char msg[] = "hello";')).toBe('msg = "hello"\n');
    expect(r.line('int v[] = {1, 2, 3};')).toBe('v = {1, 2, 3}\n');
    expect(r.line('sizeof msg + sizeof v')).toBe('sizeof msg + sizeof v = 18\n');
    expect(r.line('char bad[] = { socket(AF_INET, SOCK_STREAM, 0) };')).toMatch(/^<stdin>:1:\d+: error: /);
  });

  it('keeps string literals and heap blocks valid across lines', () => {
    const r = new Repl();
    r.line('char *msg = "hello";');
    r.line('char *copy = malloc(16);');
    r.line('strcpy(copy, msg);');
    r.line('int unused = 1;');
    expect(r.line('printf("%s %s\\n", msg, copy);')).toBe(
      'hello hello\nprintf("%s %s\\n", msg, copy) = 12\n',
    );
  });

  it('keeps functions, structs, typedefs and macros defined on earlier lines', () => {
    const r = new Repl();
    expect(r.line('#define TWICE(x) ((x) * 2)')).toBe('');
    expect(r.line('typedef struct { int x, y; } point;')).toBe('');
    expect(r.line('int add(point p) { return p.x + p.y; }')).toBe('');
    expect(r.line('point p = { 3, 4 };')).toBe('p = {x = 3, y = 4}\n');
    expect(r.line('TWICE(add(p))')).toBe('TWICE(add(p)) = 14\n');
  });

  it("includes the student's own headers through readFile", () => {
    const files: Record<string, string> = {
      'proto.h': '#define PORT 3490\nstruct msg { short type; char text[6]; };\n',
    };
    const session = new ReplSession({ parser, readFile: (p) => files[p] });
    const r = new Repl(session);
    expect(r.line('#include "proto.h"')).toBe('');
    expect(r.line('struct msg m = { 1, "hi" };')).toBe('m = {type = 1, text = "hi"}\n');
    expect(r.line('PORT')).toBe('PORT = 3490\n');
    expect(r.line('#include "missing.h"')).toMatch(
      /^<stdin>:1:10: fatal error: missing\.h: No such file or directory\n/,
    );
  });

  it('joins lines while brackets are open', () => {
    const r = new Repl();
    expect(r.line('int square(int n) {')).toBe('...');
    expect(r.session.continuing).toBe(true);
    expect(r.line('  return n * n;')).toBe('...');
    expect(r.line('}')).toBe('');
    expect(r.line('square(9)')).toBe('square(9) = 81\n');
  });

  it('reports an error gcc-style against the typed line and loses nothing', () => {
    const r = new Repl();
    r.line('int n = 5;');
    expect(r.line('n + nope')).toBe(
      "<stdin>:1:5: error: 'nope' undeclared\n    1 | n + nope\n      |     ^\n",
    );
    expect(r.line('n')).toBe('n = 5\n');
  });

  it('prints nothing for a statement and for a void call', () => {
    const r = new Repl();
    r.line('int i, sum = 0;');
    expect(r.line('for (i = 1; i <= 10; i++) sum += i;')).toBe('');
    expect(r.line('sum')).toBe('sum = 55\n');
    expect(r.line('free(NULL);')).toBe('');
  });

  it('refuses a top-level return instead of ending the REPL', () => {
    const r = new Repl();
    expect(r.line('return 5;')).toBe(
      "<stdin>:1:1: error: 'return' outside a function: each REPL line runs on its own (exit(N) ends the REPL)\n    1 | return 5;\n      | ^\n",
    );
    expect(r.line('1 + 1')).toBe('1 + 1 = 2\n');
  });

  it('ends when the line calls exit', () => {
    const r = new Repl();
    expect(r.line('exit(3);')).toBe('exit 3');
  });
});

describe('ReplSession fuzz', () => {
  const TOKENS = [
    'int',
    'x',
    '=',
    '1',
    ';',
    '(',
    ')',
    '{',
    '}',
    '*',
    'char',
    '"s"',
    ',',
    '[',
    ']',
    '#define',
    'y',
    '+',
    'struct',
    'return',
  ];
  it('answers every random line with more, empty, an error or a program, and keeps working', () => {
    const r = new Repl();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 12 }), (words) => {
        const out = r.line(words.join(' '));
        expect(typeof out).toBe('string');
      }),
      { numRuns: 120, seed: 13 },
    );
    r.session.cancel();
    expect(r.session.continuing).toBe(false);
    expect(r.line('int fine = 2;')).toBe('fine = 2\n');
  });
});
