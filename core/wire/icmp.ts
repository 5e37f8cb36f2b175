// ICMP for IPv4 (RFC 792): echo request and reply, destination unreachable (with the next-hop
// MTU of "fragmentation needed", RFC 1191 §4) and time exceeded, both quoting the offending
// datagram's IP header and leading payload. Any other type, or one of these with non-zero
// unused bits, is kept as `other` so every message round-trips.
import { checksumValid, internetChecksum } from './checksum';
import { type Field, type WireError, wireError } from './error';

/** ICMP_FIELD is the byte range of each ICMP header field, named after struct icmphdr. */
export const ICMP_FIELD = {
  type: [0, 1],
  code: [1, 2],
  checksum: [2, 4],
  un: [4, 8],
} as const satisfies Record<string, Field>;

/** ICMP_HEADER_LEN is the ICMP header length. */
export const ICMP_HEADER_LEN = 8;
/** ICMP_ECHOREPLY is the echo reply type (include/uapi/linux/icmp.h). */
export const ICMP_ECHOREPLY = 0;
/** ICMP_DEST_UNREACH is the destination unreachable type. */
export const ICMP_DEST_UNREACH = 3;
/** ICMP_ECHO is the echo request type. */
export const ICMP_ECHO = 8;
/** ICMP_TIME_EXCEEDED is the time exceeded type. */
export const ICMP_TIME_EXCEEDED = 11;
/** ICMP_NET_UNREACH is the "network unreachable" code. */
export const ICMP_NET_UNREACH = 0;
/** ICMP_HOST_UNREACH is the "host unreachable" code. */
export const ICMP_HOST_UNREACH = 1;
/** ICMP_PROT_UNREACH is the "protocol unreachable" code. */
export const ICMP_PROT_UNREACH = 2;
/** ICMP_PORT_UNREACH is the "port unreachable" code. */
export const ICMP_PORT_UNREACH = 3;
/** ICMP_FRAG_NEEDED is the "fragmentation needed and DF set" code. */
export const ICMP_FRAG_NEEDED = 4;
/** ICMP_PKT_FILTERED is the "communication administratively prohibited" code (RFC 1812 §5.2.7.1). */
export const ICMP_PKT_FILTERED = 13;
/** ICMP_EXC_TTL is the "TTL exceeded in transit" code. */
export const ICMP_EXC_TTL = 0;
/** ICMP_EXC_FRAGTIME is the "fragment reassembly time exceeded" code. */
export const ICMP_EXC_FRAGTIME = 1;

/** IcmpMessage is a view over the bytes of one ICMP message. */
export class IcmpMessage {
  /** buffer is the whole message, as long as the IP payload. */
  readonly buffer: Uint8Array;
  readonly #data: DataView;

  constructor(buffer: Uint8Array) {
    this.buffer = buffer;
    this.#data = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }

  /** checkLen returns a WireError unless the buffer holds the 8-byte header. */
  checkLen(): WireError | undefined {
    const n = this.buffer.length;
    return n < ICMP_HEADER_LEN ? wireError(`ICMP message of ${n} bytes is shorter than 8 bytes`) : undefined;
  }

  /** type is the message type. */
  get type(): number {
    return this.buffer[0];
  }
  /** code is the message code. */
  get code(): number {
    return this.buffer[1];
  }
  /** checksum is the stored checksum. */
  get checksum(): number {
    return this.#data.getUint16(2);
  }
  /** rest is the four type-specific header bytes as one number. */
  get rest(): number {
    return this.#data.getUint32(4);
  }
  /** echoId is the identifier of an echo message. */
  get echoId(): number {
    return this.#data.getUint16(4);
  }
  /** echoSeq is the sequence number of an echo message. */
  get echoSeq(): number {
    return this.#data.getUint16(6);
  }
  /** nextHopMtu is the MTU field of "fragmentation needed" (RFC 1191 §4). */
  get nextHopMtu(): number {
    return this.#data.getUint16(6);
  }
  /** data is everything after the header: echo data or the quoted datagram. */
  get data(): Uint8Array {
    return this.buffer.subarray(ICMP_HEADER_LEN);
  }
  /** checksumOk tells whether the checksum verifies over the whole message. */
  get checksumOk(): boolean {
    return checksumValid(this.buffer);
  }
}

/** IcmpRepr is the plain content of an ICMP message. */
export type IcmpRepr =
  | { kind: 'echoRequest'; id: number; seq: number; data: Uint8Array }
  | { kind: 'echoReply'; id: number; seq: number; data: Uint8Array }
  | { kind: 'destUnreachable'; code: number; mtu: number; original: Uint8Array }
  | { kind: 'timeExceeded'; code: number; original: Uint8Array }
  | { kind: 'other'; type: number; code: number; rest: number; data: Uint8Array };

/** IcmpParseOptions chooses whether parse rejects a bad checksum (it does by default). */
export interface IcmpParseOptions {
  ignoreChecksum?: boolean;
}

/** parse decodes a message into its repr, checking the checksum unless told not to. */
export function parse(msg: IcmpMessage, opts: IcmpParseOptions = {}): IcmpRepr | WireError {
  const bad = msg.checkLen();
  if (bad) return bad;
  if (!opts.ignoreChecksum && !msg.checksumOk) {
    return wireError(`bad ICMP checksum 0x${msg.checksum.toString(16).padStart(4, '0')}`);
  }
  const data = msg.data.slice();
  const { type, code, rest } = msg;
  if ((type === ICMP_ECHO || type === ICMP_ECHOREPLY) && code === 0) {
    const kind = type === ICMP_ECHO ? 'echoRequest' : 'echoReply';
    return { kind, id: msg.echoId, seq: msg.echoSeq, data };
  }
  if (type === ICMP_DEST_UNREACH && rest >>> 16 === 0 && (code === ICMP_FRAG_NEEDED || rest === 0)) {
    return { kind: 'destUnreachable', code, mtu: rest & 0xffff, original: data };
  }
  if (type === ICMP_TIME_EXCEEDED && rest === 0) return { kind: 'timeExceeded', code, original: data };
  return { kind: 'other', type, code, rest, data };
}

function body(repr: IcmpRepr): Uint8Array {
  switch (repr.kind) {
    case 'echoRequest':
    case 'echoReply':
    case 'other':
      return repr.data;
    case 'destUnreachable':
    case 'timeExceeded':
      return repr.original;
  }
}

/** bufferLen is the message length: header plus data or quoted datagram. */
export function bufferLen(repr: IcmpRepr): number {
  return ICMP_HEADER_LEN + body(repr).length;
}

/** emit writes the message with its checksum into buf[0, bufferLen). */
export function emit(repr: IcmpRepr, buf: Uint8Array): void {
  const data = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  switch (repr.kind) {
    case 'echoRequest':
    case 'echoReply':
      buf[0] = repr.kind === 'echoRequest' ? ICMP_ECHO : ICMP_ECHOREPLY;
      buf[1] = 0;
      data.setUint16(4, repr.id);
      data.setUint16(6, repr.seq);
      break;
    case 'destUnreachable':
      buf[0] = ICMP_DEST_UNREACH;
      buf[1] = repr.code;
      data.setUint32(4, repr.code === ICMP_FRAG_NEEDED ? repr.mtu & 0xffff : 0);
      break;
    case 'timeExceeded':
      buf[0] = ICMP_TIME_EXCEEDED;
      buf[1] = repr.code;
      data.setUint32(4, 0);
      break;
    case 'other':
      buf[0] = repr.type;
      buf[1] = repr.code;
      data.setUint32(4, repr.rest >>> 0);
      break;
  }
  const payload = body(repr);
  buf.set(payload, ICMP_HEADER_LEN);
  data.setUint16(2, 0);
  data.setUint16(2, internetChecksum(buf, 0, ICMP_HEADER_LEN + payload.length));
}
