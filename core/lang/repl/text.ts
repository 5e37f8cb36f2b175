// Reading a REPL line as C text without parsing it: whether its brackets are still open (the
// line continues), and a declaration with its initializers cut off (`int fd = socket(…), n;` →
// `int fd, n;`), skipping string and character literals and comments as the lexer would.

/** Scan is what scanning a piece of C text found. */
interface Scan {
  /** depth is the number of (, [ and { still open at the end. */
  readonly depth: number;
  /** inComment is set when the text ends inside a block comment. */
  readonly inComment: boolean;
}

/** scanC walks C text, calling visit(i, depth) for each character outside literals and comments. */
function scanC(text: string, visit?: (i: number, depth: number) => void): Scan {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return { depth, inComment: true };
      i = end + 1;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      i = j;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    visit?.(i, depth);
    if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return { depth, inComment: false };
}

/** isIncomplete tells whether text leaves a bracket or a block comment open (more lines should follow). */
export function isIncomplete(text: string): boolean {
  const s = scanC(text);
  return s.depth > 0 || s.inComment;
}

/** withoutInitializers cuts every top-level `= initializer` out of a declaration's text. */
export function withoutInitializers(decl: string): string {
  const cut: [number, number][] = [];
  let from = -1;
  scanC(decl, (i, depth) => {
    const c = decl[i]!;
    if (depth !== 0) return;
    if (from < 0 && c === '=') from = i;
    else if (from >= 0 && (c === ',' || c === ';')) {
      cut.push([from, i]);
      from = -1;
    }
  });
  if (from >= 0) cut.push([from, decl.length]);
  let out = '';
  let at = 0;
  for (const [a, b] of cut) {
    out += decl.slice(at, a).trimEnd();
    at = b;
  }
  return out + decl.slice(at);
}
