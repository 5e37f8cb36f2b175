// A small, safe reading of the lab texts' Markdown for the Lab pane: paragraphs, headings,
// bullet and numbered lists and fenced code blocks, with `code`, **bold** and *emphasis* inline.
// It yields plain data the pane renders as elements, never HTML, so a lab text cannot inject
// markup.

/** Inline is one run of text with its style. */
export interface Inline {
  readonly k: 'text' | 'code' | 'b' | 'i';
  readonly text: string;
}

/** Block is one block of a text. */
export type Block =
  | { readonly k: 'p' | 'h'; readonly inline: readonly Inline[] }
  | { readonly k: 'ul' | 'ol'; readonly items: readonly (readonly Inline[])[] }
  | { readonly k: 'code'; readonly text: string };

/** inline splits a line's text into styled runs. */
export function inline(text: string): Inline[] {
  const out: Inline[] = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*/g;
  let at = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > at) out.push({ k: 'text', text: text.slice(at, m.index) });
    if (m[1] !== undefined) out.push({ k: 'code', text: m[1] });
    else if (m[2] !== undefined) out.push({ k: 'b', text: m[2] });
    else out.push({ k: 'i', text: m[3]! });
    at = re.lastIndex;
  }
  if (at < text.length) out.push({ k: 'text', text: text.slice(at) });
  return out;
}

/** blocks reads a Markdown text into blocks. */
export function blocks(md: string): Block[] {
  const out: Block[] = [];
  const lines = md.split('\n');
  let para: string[] = [];
  const flush = () => {
    if (para.length > 0) out.push({ k: 'p', inline: inline(para.join(' ')) });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('```')) {
      flush();
      const code: string[] = [];
      while (i + 1 < lines.length && !lines[i + 1]!.startsWith('```')) code.push(lines[++i]!);
      i++;
      out.push({ k: 'code', text: code.join('\n') });
    } else if (/^#{1,6} /.test(line)) {
      flush();
      out.push({ k: 'h', inline: inline(line.replace(/^#+ /, '')) });
    } else if (/^(- |\d+\. )/.test(line)) {
      flush();
      const kind = line.startsWith('- ') ? 'ul' : 'ol';
      const items: Inline[][] = [];
      for (; i < lines.length && /^(- |\d+\. |\s+\S)/.test(lines[i]!); i++) {
        const l = lines[i]!;
        if (/^(- |\d+\. )/.test(l)) items.push(inline(l.replace(/^(- |\d+\. )/, '')));
        else items[items.length - 1] = [...items.at(-1)!, ...inline(` ${l.trim()}`)];
      }
      i--;
      out.push({ k: kind, items });
    } else if (line.trim() === '') flush();
    else para.push(line.trim());
  }
  flush();
  return out;
}
