// tcpdump's line format for `-n` (and names without it): the time of day, the one-line
// summary core/wire prints, with TCP sequence numbers made relative to each connection's
// initial sequence numbers as tcpdump does without -S, and the -X hex and ASCII dump.
import { describeFrame } from '../../wire/summary';
import { EthernetFrame } from '../../wire/ethernet';
import { frameFacts } from './frameFilter';
import { SERVICES } from './sockets';

const NS_PER_DAY = 86_400_000_000_000;

/** timeOfDay prints a timestamp (ns since the epoch) as tcpdump's HH:MM:SS.uuuuuu in UTC. */
export function timeOfDay(ns: number): string {
  const inDay = ((ns % NS_PER_DAY) + NS_PER_DAY) % NS_PER_DAY;
  const us = Math.round(inDay / 1000); // capture times beyond 2^53 ns are within ±128 ns
  const s = Math.floor(us / 1e6);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}.${String(us % 1e6).padStart(6, '0')}`;
}

/** TcpdumpPrinter prints frames one by one, remembering each TCP connection's initial sequence numbers. */
export class TcpdumpPrinter {
  readonly #isn = new Map<string, number>();
  readonly #numeric: boolean;
  readonly #hex: boolean;
  readonly #names: (addr: string) => string | undefined;

  /** names maps an address to a host name (used without -n). */
  constructor(opts: { numeric: boolean; hex: boolean; names: (addr: string) => string | undefined }) {
    this.#numeric = opts.numeric;
    this.#hex = opts.hex;
    this.#names = opts.names;
  }

  /** line is the text tcpdump prints for one frame (with its -X dump). */
  line(timestampNs: number, frame: Uint8Array): string {
    let text = describeFrame(frame);
    const f = frameFacts(frame);
    if (f.proto === 'tcp') text = this.#relative(text, f.src!, f.sport!, f.dst!, f.dport!);
    if (!this.#numeric) text = this.#named(text);
    let out = `${timeOfDay(timestampNs)} ${text}\n`;
    if (this.#hex) out += hexDump(new EthernetFrame(frame).payload);
    return out;
  }

  /** #relative rewrites seq and ack as offsets from the connection's ISNs once both are known. */
  #relative(text: string, src: string, sport: number, dst: string, dport: number): string {
    const me = `${src}.${sport}>${dst}.${dport}`;
    const peer = `${dst}.${dport}>${src}.${sport}`;
    const seq = /, seq (\d+)(?::(\d+))?/.exec(text);
    const ack = /, ack (\d+)/.exec(text);
    const mine = this.#isn.get(me);
    const theirs = this.#isn.get(peer);
    if (ack === null) return text; // a SYN: absolute, as tcpdump prints it
    if (mine === undefined || theirs === undefined) {
      // The first segment with ACK seen for this connection: learn both ISNs, print absolute.
      if (seq !== null) this.#isn.set(me, Number(seq[1]));
      this.#isn.set(peer, (Number(ack[1]) - 1) >>> 0);
      return text;
    }
    const rel = (n: string, base: number) => String((Number(n) - base) >>> 0);
    let out = text;
    if (seq !== null)
      out = out.replace(
        seq[0],
        `, seq ${rel(seq[1]!, mine)}${seq[2] === undefined ? '' : `:${rel(seq[2], mine)}`}`,
      );
    return out.replace(ack[0], `, ack ${rel(ack[1]!, theirs)}`);
  }

  /** #named shows addresses by host name and well-known ports by service name, as tcpdump without -n. */
  #named(text: string): string {
    return text.replace(
      /\b(\d+\.\d+\.\d+\.\d+)(?:\.(\d+)\b)?/g,
      (_all, addr: string, port: string | undefined) =>
        (this.#names(addr) ?? addr) + (port === undefined ? '' : `.${SERVICES[Number(port)] ?? port}`),
    );
  }
}

/** hexDump is tcpdump -X's dump of a packet after the link header: offset, 8 hex words, ASCII. */
export function hexDump(bytes: Uint8Array): string {
  let out = '';
  for (let off = 0; off < bytes.length; off += 16) {
    const row = bytes.subarray(off, off + 16);
    const words: string[] = [];
    for (let i = 0; i < row.length; i += 2)
      words.push([...row.subarray(i, i + 2)].map((b) => b.toString(16).padStart(2, '0')).join(''));
    const ascii = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    out += `\t0x${off.toString(16).padStart(4, '0')}:  ${words.join(' ').padEnd(39)}  ${ascii}\n`;
  }
  return out;
}
