// Quoting for words the shell writes back into the line (Tab completion), the inverse of the
// word rules in parse.ts.

/** quoteWord backslash-escapes the characters parseLine would treat specially, so it reads the word back unchanged. */
export function quoteWord(word: string): string {
  return /^[A-Za-z0-9_./~:@%+=,-]+$/.test(word) ? word : word.replace(/([^A-Za-z0-9_./~:@%+=,-])/g, '\\$1');
}
