// TCP options (RFC 9293 §3.1 and §3.2): EOL, NOP, MSS, window scale (RFC 7323 §2), SACK-permitted
// and SACK (RFC 2018 §2-3), timestamps (RFC 7323 §3); any other kind is kept raw. Options with a
// known kind but the wrong length are also kept raw, as Linux's tcp_parse_options ignores them.
// linuxOptions lays options out the way tcp_options_write() (net/ipv4/tcp_output.c, 3.10 and
// 6.18) does, so emitted SYNs and data segments match a real kernel byte for byte.
import { type WireError, wireError } from './error';

/** TCPOPT_EOL is the end-of-option-list kind (include/net/tcp.h). */
export const TCPOPT_EOL = 0;
/** TCPOPT_NOP is the no-operation (padding) kind. */
export const TCPOPT_NOP = 1;
/** TCPOPT_MSS is the maximum segment size kind. */
export const TCPOPT_MSS = 2;
/** TCPOPT_WINDOW is the window scale kind. */
export const TCPOPT_WINDOW = 3;
/** TCPOPT_SACK_PERM is the SACK-permitted kind. */
export const TCPOPT_SACK_PERM = 4;
/** TCPOPT_SACK is the SACK blocks kind. */
export const TCPOPT_SACK = 5;
/** TCPOPT_TIMESTAMP is the timestamps kind. */
export const TCPOPT_TIMESTAMP = 8;
/** TCP_MAX_OPTIONS_LEN is the most option bytes a data offset of 15 leaves room for. */
export const TCP_MAX_OPTIONS_LEN = 40;

/** SackBlock is one SACK block: the sequence numbers of its left and right edges. */
export interface SackBlock {
  left: number;
  right: number;
}

/** TcpOption is one decoded option, in wire order. */
export type TcpOption =
  | { kind: 'eol' }
  | { kind: 'nop' }
  | { kind: 'mss'; mss: number }
  | { kind: 'wscale'; shift: number }
  | { kind: 'sackPerm' }
  | { kind: 'sack'; blocks: SackBlock[] }
  | { kind: 'timestamp'; tsval: number; tsecr: number }
  | { kind: 'unknown'; type: number; data: Uint8Array };

/** optionLen is the number of bytes one option takes on the wire. */
export function optionLen(option: TcpOption): number {
  switch (option.kind) {
    case 'eol':
    case 'nop':
      return 1;
    case 'mss':
      return 4;
    case 'wscale':
      return 3;
    case 'sackPerm':
      return 2;
    case 'sack':
      return 2 + 8 * option.blocks.length;
    case 'timestamp':
      return 10;
    case 'unknown':
      return 2 + option.data.length;
  }
}

/** optionsLen is the option area length for a list: the sum of its options, padded to 32 bits. */
export function optionsLen(options: readonly TcpOption[]): number {
  const raw = options.reduce((sum, o) => sum + optionLen(o), 0);
  return (raw + 3) & ~3;
}

const be32 = (b: Uint8Array, i: number): number =>
  ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;

function decodeOne(type: number, body: Uint8Array): TcpOption {
  const len = body.length + 2;
  if (type === TCPOPT_MSS && len === 4) return { kind: 'mss', mss: (body[0] << 8) | body[1] };
  if (type === TCPOPT_WINDOW && len === 3) return { kind: 'wscale', shift: body[0] };
  if (type === TCPOPT_SACK_PERM && len === 2) return { kind: 'sackPerm' };
  if (type === TCPOPT_TIMESTAMP && len === 10) {
    return { kind: 'timestamp', tsval: be32(body, 0), tsecr: be32(body, 4) };
  }
  if (type === TCPOPT_SACK && len > 2 && (len - 2) % 8 === 0) {
    const blocks: SackBlock[] = [];
    for (let i = 0; i < body.length; i += 8) blocks.push({ left: be32(body, i), right: be32(body, i + 4) });
    return { kind: 'sack', blocks };
  }
  return { kind: 'unknown', type, data: body.slice() };
}

/** parseOptions decodes an option area; bytes after EOL are padding; a length byte that is below 2 or overruns the area gives a WireError. */
export function parseOptions(area: Uint8Array): TcpOption[] | WireError {
  const options: TcpOption[] = [];
  let i = 0;
  while (i < area.length) {
    const type = area[i];
    if (type === TCPOPT_EOL) {
      options.push({ kind: 'eol' });
      break;
    }
    if (type === TCPOPT_NOP) {
      options.push({ kind: 'nop' });
      i += 1;
      continue;
    }
    if (i + 1 >= area.length) return wireError(`TCP option kind ${type} at byte ${i} has no length byte`);
    const len = area[i + 1];
    if (len < 2) return wireError(`TCP option kind ${type} at byte ${i} has length ${len}, want at least 2`);
    if (i + len > area.length) {
      return wireError(`TCP option kind ${type} at byte ${i} of length ${len} overruns ${area.length} bytes`);
    }
    options.push(decodeOne(type, area.subarray(i + 2, i + len)));
    i += len;
  }
  return options;
}

function put32(buf: Uint8Array, i: number, v: number): void {
  buf[i] = v >>> 24;
  buf[i + 1] = (v >>> 16) & 0xff;
  buf[i + 2] = (v >>> 8) & 0xff;
  buf[i + 3] = v & 0xff;
}

/** emitOptions writes a list at buf[offset...] and zero-fills (EOL) up to the 32-bit boundary; it returns the bytes written. */
export function emitOptions(options: readonly TcpOption[], buf: Uint8Array, offset = 0): number {
  let i = offset;
  for (const o of options) {
    switch (o.kind) {
      case 'eol':
        buf[i++] = TCPOPT_EOL;
        break;
      case 'nop':
        buf[i++] = TCPOPT_NOP;
        break;
      case 'mss':
        buf.set([TCPOPT_MSS, 4, o.mss >>> 8, o.mss & 0xff], i);
        i += 4;
        break;
      case 'wscale':
        buf.set([TCPOPT_WINDOW, 3, o.shift], i);
        i += 3;
        break;
      case 'sackPerm':
        buf.set([TCPOPT_SACK_PERM, 2], i);
        i += 2;
        break;
      case 'sack':
        buf.set([TCPOPT_SACK, 2 + 8 * o.blocks.length], i);
        i += 2;
        for (const b of o.blocks) {
          put32(buf, i, b.left);
          put32(buf, i + 4, b.right);
          i += 8;
        }
        break;
      case 'timestamp':
        buf.set([TCPOPT_TIMESTAMP, 10], i);
        put32(buf, i + 2, o.tsval);
        put32(buf, i + 6, o.tsecr);
        i += 10;
        break;
      case 'unknown':
        buf.set([o.type, 2 + o.data.length], i);
        buf.set(o.data, i + 2);
        i += 2 + o.data.length;
        break;
    }
  }
  const end = offset + optionsLen(options);
  buf.fill(TCPOPT_EOL, i, end);
  return end - offset;
}

/** LinuxOptionSet is what tcp_syn_options / tcp_established_options decided to send (struct tcp_out_options). */
export interface LinuxOptionSet {
  mss?: number;
  timestamp?: { tsval: number; tsecr: number };
  sackPerm?: boolean;
  wscale?: number;
  sackBlocks?: readonly SackBlock[];
}

/** linuxOptions lays out an option set in tcp_options_write()'s order and padding: SYN `mss,sackOK,TS,nop,wscale`, data `nop,nop,TS`, then `nop,nop,sack`. */
export function linuxOptions(set: LinuxOptionSet): TcpOption[] {
  const out: TcpOption[] = [];
  if (set.mss !== undefined) out.push({ kind: 'mss', mss: set.mss });
  if (set.timestamp) {
    // OPTION_TS: SACK_PERM shares the timestamp's 32-bit word when both are sent.
    if (set.sackPerm) out.push({ kind: 'sackPerm' });
    else out.push({ kind: 'nop' }, { kind: 'nop' });
    out.push({ kind: 'timestamp', tsval: set.timestamp.tsval, tsecr: set.timestamp.tsecr });
  } else if (set.sackPerm) {
    out.push({ kind: 'nop' }, { kind: 'nop' }, { kind: 'sackPerm' });
  }
  if (set.wscale !== undefined) out.push({ kind: 'nop' }, { kind: 'wscale', shift: set.wscale });
  if (set.sackBlocks && set.sackBlocks.length > 0) {
    out.push(
      { kind: 'nop' },
      { kind: 'nop' },
      { kind: 'sack', blocks: set.sackBlocks.map((b) => ({ ...b })) },
    );
  }
  return out;
}

const OTHER_NAMES: Record<number, string> = { 19: 'md5', 28: 'uto', 29: 'tcp-ao', 30: 'mptcp', 34: 'tfo' };

const hex = (data: Uint8Array): string => Array.from(data, (b) => b.toString(16).padStart(2, '0')).join('');

/** formatOption prints one option the way tcpdump does inside `options [...]`. */
export function formatOption(o: TcpOption): string {
  switch (o.kind) {
    case 'eol':
      return 'eol';
    case 'nop':
      return 'nop';
    case 'mss':
      return `mss ${o.mss}`;
    case 'wscale':
      return `wscale ${o.shift}`;
    case 'sackPerm':
      return 'sackOK';
    case 'sack':
      return `sack ${o.blocks.length} ${o.blocks.map((b) => `{${b.left}:${b.right}}`).join('')}`;
    case 'timestamp':
      return `TS val ${o.tsval} ecr ${o.tsecr}`;
    case 'unknown': {
      const name = OTHER_NAMES[o.type] ?? `unknown-${o.type}`;
      return o.data.length > 0 ? `${name} 0x${hex(o.data)}` : name;
    }
  }
}

/** formatOptions prints a list as tcpdump's comma-separated option text, without the brackets. */
export function formatOptions(options: readonly TcpOption[]): string {
  return options.map(formatOption).join(',');
}
