// IPv4 headers (RFC 791 §3.1) and dotted-quad address text. Addresses are unsigned 32-bit numbers
// in host order (10.0.0.1 is 0x0a000001); the view reads and writes them big-endian on the wire.
import { checksumValid, internetChecksum } from './checksum';
import { type Field, type WireError, wireError } from './error';

/** IPV4_FIELD is the byte range of each fixed IPv4 header field, named after struct iphdr. */
export const IPV4_FIELD = {
  versionIhl: [0, 1],
  tos: [1, 2],
  tot_len: [2, 4],
  id: [4, 6],
  frag_off: [6, 8],
  ttl: [8, 9],
  protocol: [9, 10],
  check: [10, 12],
  saddr: [12, 16],
  daddr: [16, 20],
} as const satisfies Record<string, Field>;

/** IPV4_HEADER_LEN is the length of a header without options. */
export const IPV4_HEADER_LEN = 20;
/** IPV4_MAX_OPTIONS_LEN is the most option bytes an IHL of 15 leaves room for. */
export const IPV4_MAX_OPTIONS_LEN = 40;
/** IP_CE is the reserved flag bit of frag_off (include/net/ip.h calls it "congestion"). */
export const IP_CE = 0x8000;
/** IP_DF is the Don't Fragment flag bit of frag_off. */
export const IP_DF = 0x4000;
/** IP_MF is the More Fragments flag bit of frag_off. */
export const IP_MF = 0x2000;
/** IP_OFFSET masks the fragment offset (in 8-byte units) out of frag_off. */
export const IP_OFFSET = 0x1fff;
/** IPPROTO_ICMP is the protocol number of ICMP. */
export const IPPROTO_ICMP = 1;
/** IPPROTO_TCP is the protocol number of TCP. */
export const IPPROTO_TCP = 6;
/** IPPROTO_UDP is the protocol number of UDP. */
export const IPPROTO_UDP = 17;

/** parseIpv4Addr reads a dotted quad such as `10.0.0.1` into a 32-bit number, or returns a WireError. */
export function parseIpv4Addr(text: string): number | WireError {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255)) {
    return wireError(`bad IPv4 address "${text}"`);
  }
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

/** formatIpv4Addr writes a 32-bit number as a dotted quad. */
export function formatIpv4Addr(addr: number): string {
  return [addr >>> 24, (addr >>> 16) & 0xff, (addr >>> 8) & 0xff, addr & 0xff].join('.');
}

/** Ipv4Packet is a view over the bytes of one IPv4 packet (header, options, payload). */
export class Ipv4Packet {
  /** buffer holds the packet; bytes after tot_len (Ethernet padding) are ignored. */
  readonly buffer: Uint8Array;
  readonly #data: DataView;

  constructor(buffer: Uint8Array) {
    this.buffer = buffer;
    this.#data = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }

  /** checkHeaderLen returns a WireError unless the buffer holds the whole header with its options. */
  checkHeaderLen(): WireError | undefined {
    const len = this.buffer.length;
    if (len < IPV4_HEADER_LEN) return wireError(`IPv4 packet of ${len} bytes is shorter than 20 bytes`);
    if (this.version !== 4) return wireError(`IP version ${this.version}, want 4`);
    if (this.headerLen < IPV4_HEADER_LEN) return wireError(`IPv4 IHL ${this.ihl} is below 5`);
    if (this.headerLen > len)
      return wireError(`IPv4 header of ${this.headerLen} bytes overruns ${len} bytes`);
    return undefined;
  }

  /** checkLen returns a WireError unless the buffer holds the header and all tot_len bytes. */
  checkLen(): WireError | undefined {
    const bad = this.checkHeaderLen();
    if (bad) return bad;
    if (this.totalLen < this.headerLen) {
      return wireError(`IPv4 tot_len ${this.totalLen} is below the header length ${this.headerLen}`);
    }
    if (this.totalLen > this.buffer.length) {
      return wireError(`IPv4 tot_len ${this.totalLen} overruns ${this.buffer.length} bytes`);
    }
    return undefined;
  }

  /** version is the IP version nibble. */
  get version(): number {
    return this.buffer[0] >>> 4;
  }
  /** ihl is the header length in 32-bit words. */
  get ihl(): number {
    return this.buffer[0] & 0x0f;
  }
  /** headerLen is the header length in bytes, options included. */
  get headerLen(): number {
    return this.ihl * 4;
  }
  /** tos is the whole type-of-service byte. */
  get tos(): number {
    return this.buffer[1];
  }
  /** dscp is the Differentiated Services code point, the upper six bits of tos (RFC 2474 §3). */
  get dscp(): number {
    return this.buffer[1] >>> 2;
  }
  /** ecn is the ECN field, the lower two bits of tos (RFC 3168 §5). */
  get ecn(): number {
    return this.buffer[1] & 3;
  }
  /** totalLen is tot_len, the packet length in bytes. */
  get totalLen(): number {
    return this.#data.getUint16(2);
  }
  /** id is the identification field. */
  get id(): number {
    return this.#data.getUint16(4);
  }
  /** fragOffField is the raw frag_off word: flags and offset. */
  get fragOffField(): number {
    return this.#data.getUint16(6);
  }
  /** reservedFlag is the reserved (IP_CE) flag bit. */
  get reservedFlag(): boolean {
    return (this.fragOffField & IP_CE) !== 0;
  }
  /** df is the Don't Fragment flag. */
  get df(): boolean {
    return (this.fragOffField & IP_DF) !== 0;
  }
  /** mf is the More Fragments flag. */
  get mf(): boolean {
    return (this.fragOffField & IP_MF) !== 0;
  }
  /** fragOffset is the fragment offset in bytes. */
  get fragOffset(): number {
    return (this.fragOffField & IP_OFFSET) * 8;
  }
  /** ttl is the time to live. */
  get ttl(): number {
    return this.buffer[8];
  }
  /** protocol is the payload's protocol number. */
  get protocol(): number {
    return this.buffer[9];
  }
  /** checksum is the stored header checksum. */
  get checksum(): number {
    return this.#data.getUint16(10);
  }
  /** src is the source address. */
  get src(): number {
    return this.#data.getUint32(12);
  }
  /** dst is the destination address. */
  get dst(): number {
    return this.#data.getUint32(16);
  }
  /** options is the raw option bytes between the fixed header and the payload. */
  get options(): Uint8Array {
    return this.buffer.subarray(IPV4_HEADER_LEN, Math.min(this.headerLen, this.buffer.length));
  }
  /** checksumOk tells whether the header checksum verifies. */
  get checksumOk(): boolean {
    return checksumValid(this.buffer, 0, this.headerLen);
  }
  /** payload is the bytes from the end of the header to tot_len (clamped to the buffer). */
  get payload(): Uint8Array {
    return this.buffer.subarray(this.headerLen, Math.min(this.totalLen, this.buffer.length));
  }
}

/** Ipv4Repr is the plain content of an IPv4 header; the payload travels separately. */
export interface Ipv4Repr {
  src: number;
  dst: number;
  protocol: number;
  ttl: number;
  tos: number;
  id: number;
  reservedFlag: boolean;
  df: boolean;
  mf: boolean;
  /** fragOffset is in bytes and a multiple of 8. */
  fragOffset: number;
  /** options is the raw option bytes, a multiple of 4 and at most 40 long. */
  options: Uint8Array;
  payloadLen: number;
}

/** Ipv4ParseOptions chooses whether parse rejects a bad header checksum (it does by default). */
export interface Ipv4ParseOptions {
  ignoreChecksum?: boolean;
}

/** parse decodes a packet's header into its repr, checking length, version and checksum. */
export function parse(packet: Ipv4Packet, opts: Ipv4ParseOptions = {}): Ipv4Repr | WireError {
  const bad = packet.checkLen();
  if (bad) return bad;
  if (!opts.ignoreChecksum && !packet.checksumOk) {
    return wireError(`bad IPv4 header checksum 0x${packet.checksum.toString(16).padStart(4, '0')}`);
  }
  return {
    src: packet.src,
    dst: packet.dst,
    protocol: packet.protocol,
    ttl: packet.ttl,
    tos: packet.tos,
    id: packet.id,
    reservedFlag: packet.reservedFlag,
    df: packet.df,
    mf: packet.mf,
    fragOffset: packet.fragOffset,
    options: packet.options.slice(),
    payloadLen: packet.totalLen - packet.headerLen,
  };
}

/** headerLen is the header length a repr emits, options included. */
export function headerLen(repr: Ipv4Repr): number {
  return IPV4_HEADER_LEN + repr.options.length;
}

/** bufferLen is the whole packet length a repr describes: header, options and payload. */
export function bufferLen(repr: Ipv4Repr): number {
  return headerLen(repr) + repr.payloadLen;
}

/** emit writes the header with a fresh checksum into buf[0, headerLen); it throws on an impossible repr, a caller bug. */
export function emit(repr: Ipv4Repr, buf: Uint8Array): void {
  const hlen = headerLen(repr);
  if (repr.options.length % 4 !== 0 || repr.options.length > IPV4_MAX_OPTIONS_LEN) {
    throw new Error(`ipv4.emit: ${repr.options.length} option bytes, want a multiple of 4 up to 40`);
  }
  if (repr.fragOffset % 8 !== 0 || repr.fragOffset / 8 > IP_OFFSET) {
    throw new Error(`ipv4.emit: fragment offset ${repr.fragOffset} is not a multiple of 8 below 65536`);
  }
  if (hlen + repr.payloadLen > 0xffff) throw new Error(`ipv4.emit: packet of ${bufferLen(repr)} bytes`);
  const data = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  buf[0] = 0x40 | (hlen / 4);
  buf[1] = repr.tos;
  data.setUint16(2, hlen + repr.payloadLen);
  data.setUint16(4, repr.id);
  const flags = (repr.reservedFlag ? IP_CE : 0) | (repr.df ? IP_DF : 0) | (repr.mf ? IP_MF : 0);
  data.setUint16(6, flags | (repr.fragOffset / 8));
  buf[8] = repr.ttl;
  buf[9] = repr.protocol;
  data.setUint16(10, 0);
  data.setUint32(12, repr.src >>> 0);
  data.setUint32(16, repr.dst >>> 0);
  buf.set(repr.options, IPV4_HEADER_LEN);
  data.setUint16(10, internetChecksum(buf, 0, hlen));
}
