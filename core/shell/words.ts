// Splits a command line into words as a POSIX shell does for simple commands: blanks
// separate words, single quotes keep everything, double quotes keep all but \" and \\,
// a backslash escapes the next character. Expansions other than ~ are not performed.

/** WordsResult is the words of a line, or the reason it could not be split. */
export type WordsResult = { ok: true; words: string[] } | { ok: false; message: string };

/** splitWords splits one command line into words. */
export function splitWords(line: string): WordsResult {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote === "'") {
      if (ch === "'") quote = null;
      else word += ch;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') quote = null;
      else if (ch === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\' || line[i + 1] === '$'))
        word += line[++i];
      else word += ch;
      continue;
    }
    if (ch === ' ' || ch === '\t') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '\\') word += line[++i] ?? '';
    else if (ch === '#' && word === '') {
      inWord = false;
      break;
    } else word += ch;
  }
  if (quote) return { ok: false, message: `unexpected EOF while looking for matching \`${quote}'` };
  if (inWord) words.push(word);
  return { ok: true, words };
}

/** quoteWord quotes a word so splitWords gives it back unchanged (used by completion). */
export function quoteWord(word: string): string {
  return /^[A-Za-z0-9_./~:@%+=,-]+$/.test(word) ? word : word.replace(/([^A-Za-z0-9_./~:@%+=,-])/g, '\\$1');
}
