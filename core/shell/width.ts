// Display width of text in a terminal cell grid: East Asian wide characters (Chinese file
// names, messages in zh-CN) take two cells, combining marks none.

/** charWidth is the number of terminal cells one code point occupies. */
export function charWidth(codePoint: number): number {
  if (codePoint === 0) return 0;
  if (codePoint < 0x300) return 1;
  if (codePoint >= 0x300 && codePoint <= 0x36f) return 0;
  if (codePoint === 0x200b || (codePoint >= 0xfe00 && codePoint <= 0xfe0f)) return 0;
  return isWide(codePoint) ? 2 : 1;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0x303e) ||
    (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x1f300 && c <= 0x1f64f) ||
    (c >= 0x1f900 && c <= 0x1f9ff) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

/** textWidth is the number of terminal cells a string occupies, ignoring ANSI colour codes. */
export function textWidth(text: string): number {
  let n = 0;
  // eslint-disable-next-line no-control-regex -- ANSI colour sequences start with ESC
  for (const ch of text.replace(/\x1b\[[0-9;]*m/g, '')) n += charWidth(ch.codePointAt(0) ?? 0);
  return n;
}
