// TCP segments (RFC 9293 §3.1) with the ECN flags CWR and ECE (RFC 3168 §6.1) and the AE bit
// (AccECN's name for RFC 3540's NS bit; TCPHDR_AE in include/net/tcp.h since Linux 6.3). The checksum covers the IPv4 pseudo-header, so parse and
// emit take the addresses. Options live in tcpOptions.ts.
import { checksumAdd, checksumFinish, checksumFold, pseudoHeaderSum } from './checksum';
import { type Field, type WireError, wireError } from './error';
import { IPPROTO_TCP } from './ipv4';
import { type TcpOption, TCP_MAX_OPTIONS_LEN, emitOptions, optionsLen, parseOptions } from './tcpOptions';

/** TCP_FIELD is the byte range of each fixed TCP header field, named after struct tcphdr. */
export const TCP_FIELD = {
  source: [0, 2],
  dest: [2, 4],
  seq: [4, 8],
  ack_seq: [8, 12],
  doff: [12, 13],
  flags: [13, 14],
  window: [14, 16],
  check: [16, 18],
  urg_ptr: [18, 20],
} as const satisfies Record<string, Field>;

/** TCP_HEADER_LEN is the length of a header without options. */
export const TCP_HEADER_LEN = 20;
/** TCPHDR_FIN is the FIN flag bit (include/net/tcp.h). */
export const TCPHDR_FIN = 0x01;
/** TCPHDR_SYN is the SYN flag bit. */
export const TCPHDR_SYN = 0x02;
/** TCPHDR_RST is the RST flag bit. */
export const TCPHDR_RST = 0x04;
/** TCPHDR_PSH is the PSH flag bit. */
export const TCPHDR_PSH = 0x08;
/** TCPHDR_ACK is the ACK flag bit. */
export const TCPHDR_ACK = 0x10;
/** TCPHDR_URG is the URG flag bit. */
export const TCPHDR_URG = 0x20;
/** TCPHDR_ECE is the ECN-Echo flag bit. */
export const TCPHDR_ECE = 0x40;
/** TCPHDR_CWR is the Congestion Window Reduced flag bit. */
export const TCPHDR_CWR = 0x80;
/** TCPHDR_AE is the AccECN flag, the low bit of byte 12 (formerly NS), counted as bit 8 of the flags. */
export const TCPHDR_AE = 0x100;

/** TcpAddrs is the pair of IPv4 addresses the checksum's pseudo-header needs. */
export interface TcpAddrs {
  src: number;
  dst: number;
}

/** TcpSegment is a view over the bytes of one TCP segment (header, options, payload). */
export class TcpSegment {
  /** buffer is the whole segment, as long as the IP payload. */
  readonly buffer: Uint8Array;
  readonly #data: DataView;

  constructor(buffer: Uint8Array) {
    this.buffer = buffer;
    this.#data = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }

  /** checkLen returns a WireError unless the buffer holds the header and the options doff announces. */
  checkLen(): WireError | undefined {
    const len = this.buffer.length;
    if (len < TCP_HEADER_LEN) return wireError(`TCP segment of ${len} bytes is shorter than 20 bytes`);
    if (this.headerLen < TCP_HEADER_LEN) return wireError(`TCP data offset ${this.dataOffset} is below 5`);
    if (this.headerLen > len) return wireError(`TCP header of ${this.headerLen} bytes overruns ${len} bytes`);
    return undefined;
  }

  /** srcPort is the source port. */
  get srcPort(): number {
    return this.#data.getUint16(0);
  }
  /** dstPort is the destination port. */
  get dstPort(): number {
    return this.#data.getUint16(2);
  }
  /** seq is the sequence number. */
  get seq(): number {
    return this.#data.getUint32(4);
  }
  /** ack is the acknowledgment number (meaningful when ACK is set). */
  get ack(): number {
    return this.#data.getUint32(8);
  }
  /** dataOffset is doff, the header length in 32-bit words. */
  get dataOffset(): number {
    return this.buffer[12] >>> 4;
  }
  /** headerLen is the header length in bytes, options included. */
  get headerLen(): number {
    return this.dataOffset * 4;
  }
  /** reserved is the three reserved bits between doff and AE. */
  get reserved(): number {
    return (this.buffer[12] >>> 1) & 7;
  }
  /** flags is the nine flag bits, AE included (TCPHDR_* masks). */
  get flags(): number {
    return ((this.buffer[12] & 1) << 8) | this.buffer[13];
  }
  /** window is the raw, unscaled window field. */
  get window(): number {
    return this.#data.getUint16(14);
  }
  /** checksum is the stored checksum. */
  get checksum(): number {
    return this.#data.getUint16(16);
  }
  /** urgentPtr is the urgent pointer. */
  get urgentPtr(): number {
    return this.#data.getUint16(18);
  }
  /** optionBytes is the raw option area. */
  get optionBytes(): Uint8Array {
    return this.buffer.subarray(TCP_HEADER_LEN, Math.min(this.headerLen, this.buffer.length));
  }
  /** payload is the data after the header. */
  get payload(): Uint8Array {
    return this.buffer.subarray(Math.min(this.headerLen, this.buffer.length));
  }
  /** checksumOk tells whether the checksum verifies over the pseudo-header and the whole segment. */
  checksumOk(addrs: TcpAddrs): boolean {
    const sum = pseudoHeaderSum(addrs.src, addrs.dst, IPPROTO_TCP, this.buffer.length);
    return checksumFold(checksumAdd(sum, this.buffer)) === 0xffff;
  }
}

/** TcpRepr is the plain content of a TCP segment. */
export interface TcpRepr {
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  /** flags is a TCPHDR_* bit set. */
  flags: number;
  /** reserved is the three reserved header bits, normally 0. */
  reserved: number;
  window: number;
  urgentPtr: number;
  options: TcpOption[];
  payload: Uint8Array;
}

/** TcpParseOptions chooses whether parse skips checksum verification when addresses are given. */
export interface TcpParseOptions {
  ignoreChecksum?: boolean;
}

/** parse decodes a segment; with addrs it also verifies the checksum unless told to ignore it. */
export function parse(
  segment: TcpSegment,
  addrs?: TcpAddrs,
  opts: TcpParseOptions = {},
): TcpRepr | WireError {
  const bad = segment.checkLen();
  if (bad) return bad;
  if (addrs && !opts.ignoreChecksum && !segment.checksumOk(addrs)) {
    return wireError(`bad TCP checksum 0x${segment.checksum.toString(16).padStart(4, '0')}`);
  }
  const options = parseOptions(segment.optionBytes);
  if (!Array.isArray(options)) return options;
  return {
    srcPort: segment.srcPort,
    dstPort: segment.dstPort,
    seq: segment.seq,
    ack: segment.ack,
    flags: segment.flags,
    reserved: segment.reserved,
    window: segment.window,
    urgentPtr: segment.urgentPtr,
    options,
    payload: segment.payload.slice(),
  };
}

/** headerLen is the header length a repr emits, padded options included. */
export function headerLen(repr: TcpRepr): number {
  return TCP_HEADER_LEN + optionsLen(repr.options);
}

/** bufferLen is the whole segment length: header, options and payload. */
export function bufferLen(repr: TcpRepr): number {
  return headerLen(repr) + repr.payload.length;
}

/** emit writes the segment into buf[0, bufferLen) with its checksum over the pseudo-header; it throws on more than 40 option bytes, a caller bug. */
export function emit(repr: TcpRepr, buf: Uint8Array, addrs: TcpAddrs): void {
  const hlen = headerLen(repr);
  if (hlen - TCP_HEADER_LEN > TCP_MAX_OPTIONS_LEN) {
    throw new Error(`tcp.emit: ${hlen - TCP_HEADER_LEN} option bytes, want at most 40`);
  }
  const data = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  data.setUint16(0, repr.srcPort);
  data.setUint16(2, repr.dstPort);
  data.setUint32(4, repr.seq >>> 0);
  data.setUint32(8, repr.ack >>> 0);
  buf[12] = ((hlen / 4) << 4) | ((repr.reserved & 7) << 1) | ((repr.flags >>> 8) & 1);
  buf[13] = repr.flags & 0xff;
  data.setUint16(14, repr.window);
  data.setUint16(16, 0);
  data.setUint16(18, repr.urgentPtr);
  emitOptions(repr.options, buf, TCP_HEADER_LEN);
  buf.set(repr.payload, hlen);
  const len = hlen + repr.payload.length;
  const sum = pseudoHeaderSum(addrs.src, addrs.dst, IPPROTO_TCP, len);
  data.setUint16(16, checksumFinish(checksumAdd(sum, buf, 0, len)));
}

const FLAG_CHARS: readonly (readonly [number, string])[] = [
  [TCPHDR_FIN, 'F'],
  [TCPHDR_SYN, 'S'],
  [TCPHDR_RST, 'R'],
  [TCPHDR_PSH, 'P'],
  [TCPHDR_ACK, '.'],
  [TCPHDR_URG, 'U'],
  [TCPHDR_ECE, 'E'],
  [TCPHDR_CWR, 'W'],
  [TCPHDR_AE, 'e'],
];

/** formatTcpFlags prints a flag set as tcpdump's letters (`S`, `S.`, `P.`, `FP.`), or `none`. */
export function formatTcpFlags(flags: number): string {
  const text = FLAG_CHARS.filter(([bit]) => (flags & bit) !== 0)
    .map(([, c]) => c)
    .join('');
  return text === '' ? 'none' : text;
}
