// ss's column renderer (iproute2 misc/ss.c, render() and render_calc_width()): each column is
// as wide as its longest flushed field plus its left delimiter, addresses are right-aligned and
// end in ':' with the port left-aligned after it. As in ss, a line's last field is never
// "flushed", so it does not widen its column: with one socket the Process header is not padded,
// with two it is. On a terminal (screenWidth given) the columns are then widened to fill each
// screen line, the extra spaces shared out from the right; columns that do not fit start the
// next screen line, where the terminal's wrap puts them.

/** SsColumn is one of ss's columns: its header, left delimiter and alignment. */
interface SsColumn {
  readonly header: string;
  readonly ldelim: string;
  readonly right: boolean;
}

// prettier-ignore
/** SS_COLUMNS are ss's columns in order (enum col_id). */
export const SS_COLUMNS: readonly SsColumn[] = [
  { header: 'Netid', ldelim: '', right: false },
  { header: 'State', ldelim: ' ', right: false },
  { header: 'Recv-Q', ldelim: ' ', right: false },
  { header: 'Send-Q', ldelim: ' ', right: false },
  { header: 'Local Address:', ldelim: ' ', right: true },
  { header: 'Port', ldelim: '', right: false },
  { header: 'Peer Address:', ldelim: ' ', right: true },
  { header: 'Port', ldelim: '', right: false },
  { header: 'Process', ldelim: '', right: false },
  { header: '', ldelim: '', right: false }, // COL_EXT: -e, -m, -i details
];

/** SsRow is one socket's fields, one per column (undefined: the column is disabled). */
export type SsRow = readonly (string | undefined)[];

/** renderSs lays out the header and rows; enabled says which columns are shown; screenWidth is the terminal's width, if a terminal. */
export function renderSs(enabled: readonly boolean[], rows: readonly SsRow[], screenWidth?: number): string {
  const header = SS_COLUMNS.map((c, i) => (enabled[i] ? c.header : undefined));
  const lines = [header, ...rows];
  const maxLen = SS_COLUMNS.map(() => 0);
  lines.forEach((line, n) => {
    const last = lastField(enabled, line);
    line.forEach((field, i) => {
      if (field === undefined || !enabled[i]) return;
      if (n === lines.length - 1 && i === last) return; // never flushed
      maxLen[i] = Math.max(maxLen[i]!, field.length);
    });
  });
  let first = true;
  const width = SS_COLUMNS.map((c, i) => {
    if (!enabled[i]) return 0;
    const w = !first && maxLen[i]! > 0 ? maxLen[i]! + c.ldelim.length : maxLen[i]!;
    if (w > 0) first = false;
    return w;
  });
  if (screenWidth !== undefined) spread(width, Math.max(1, screenWidth));
  let out = '';
  for (const line of lines) {
    let started = false;
    const last = lastField(enabled, line);
    for (let i = 0; i < SS_COLUMNS.length; i++) {
      if (!enabled[i]) continue;
      const field = line[i] ?? '';
      const col = SS_COLUMNS[i]!;
      let printed = 0;
      if (started) {
        out += col.ldelim;
        printed = col.ldelim.length;
      }
      started = true;
      if (col.right && width[i]! > 0) {
        const pad = width[i]! - field.length - printed;
        if (pad > 0) {
          out += ' '.repeat(pad);
          printed += pad;
        }
      }
      out += field;
      printed += field.length;
      if (!col.right && width[i]! > 0 && width[i]! - printed > 0) out += ' '.repeat(width[i]! - printed);
      if (i === last) break;
    }
    out += '\n';
  }
  return out;
}

/** lastField is the index of the line's last enabled column that has a field. */
function lastField(enabled: readonly boolean[], line: SsRow): number {
  for (let i = line.length - 1; i >= 0; i--) if (enabled[i] && line[i] !== undefined) return i;
  return -1;
}

/** spread widens the columns of each screen line to fill it (render_calc_width's second pass). */
function spread(width: number[], screen: number): void {
  for (let i = 0; i < width.length; i++) width[i] = Math.min(width[i]!, screen);
  let len = 0;
  let lineCols = 0;
  let eol = -1;
  for (let c = 0; c < width.length; c++) {
    if (width[c] === 0) continue;
    lineCols++;
    len += width[c]!;
    const last = width.slice(c + 1).every((w) => w === 0);
    if (!last && len < screen) continue;
    if (len > screen) {
      // This column does not fit: the line ends before it, and it starts the next one.
      len -= width[c]!;
      c--;
      lineCols--;
    }
    if (len < screen && lineCols > 0) {
      const pad = screen - len;
      const spacing = Math.floor(pad / lineCols);
      let rem = pad % lineCols;
      for (let t = c; t > eol; t--) {
        if (width[t] === 0) continue;
        width[t]! += spacing;
        if (rem > 0) {
          width[t]!++;
          rem--;
        }
      }
    }
    eol = c;
    len = 0;
    lineCols = 0;
  }
}
