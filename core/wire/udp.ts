// UDP datagrams (RFC 768). The checksum covers the IPv4 pseudo-header; a stored 0 means "no
// checksum" and a computed 0 is sent as 0xffff (RFC 768, "Fields"; udp4_hwcsum/udp_csum in Linux).
import { checksumAdd, checksumFinish, checksumFold, pseudoHeaderSum } from './checksum';
import { type Field, type WireError, wireError } from './error';
import { IPPROTO_UDP } from './ipv4';

/** UDP_FIELD is the byte range of each UDP header field, named after struct udphdr. */
export const UDP_FIELD = {
  source: [0, 2],
  dest: [2, 4],
  len: [4, 6],
  check: [6, 8],
} as const satisfies Record<string, Field>;

/** UDP_HEADER_LEN is the UDP header length. */
export const UDP_HEADER_LEN = 8;

/** UdpAddrs is the pair of IPv4 addresses the checksum's pseudo-header needs. */
export interface UdpAddrs {
  src: number;
  dst: number;
}

/** UdpDatagram is a view over the bytes of one UDP datagram. */
export class UdpDatagram {
  /** buffer holds the datagram; bytes after the length field's end are ignored. */
  readonly buffer: Uint8Array;
  readonly #data: DataView;

  constructor(buffer: Uint8Array) {
    this.buffer = buffer;
    this.#data = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }

  /** checkHeaderLen returns a WireError unless the buffer holds the 8-byte header. */
  checkHeaderLen(): WireError | undefined {
    const n = this.buffer.length;
    return n < UDP_HEADER_LEN ? wireError(`UDP datagram of ${n} bytes is shorter than 8 bytes`) : undefined;
  }

  /** checkLen returns a WireError unless the length field lies between 8 and the buffer length. */
  checkLen(): WireError | undefined {
    const bad = this.checkHeaderLen();
    if (bad) return bad;
    if (this.length < UDP_HEADER_LEN) return wireError(`UDP length ${this.length} is below 8`);
    if (this.length > this.buffer.length) {
      return wireError(`UDP length ${this.length} overruns ${this.buffer.length} bytes`);
    }
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
  /** length is the length field: header plus payload. */
  get length(): number {
    return this.#data.getUint16(4);
  }
  /** checksum is the stored checksum; 0 means none was computed. */
  get checksum(): number {
    return this.#data.getUint16(6);
  }
  /** payload is the bytes after the header up to the length field (clamped to the buffer). */
  get payload(): Uint8Array {
    return this.buffer.subarray(
      UDP_HEADER_LEN,
      Math.max(UDP_HEADER_LEN, Math.min(this.length, this.buffer.length)),
    );
  }
  /** checksumOk tells whether the checksum is absent (0) or verifies over the pseudo-header and the datagram. */
  checksumOk(addrs: UdpAddrs): boolean {
    if (this.checksum === 0) return true;
    const sum = pseudoHeaderSum(addrs.src, addrs.dst, IPPROTO_UDP, this.length);
    return checksumFold(checksumAdd(sum, this.buffer, 0, this.length)) === 0xffff;
  }
}

/** UdpRepr is the plain content of a UDP datagram. */
export interface UdpRepr {
  srcPort: number;
  dstPort: number;
  payload: Uint8Array;
}

/** UdpParseOptions chooses whether parse skips checksum verification when addresses are given. */
export interface UdpParseOptions {
  ignoreChecksum?: boolean;
}

/** parse decodes a datagram; with addrs it also verifies a non-zero checksum unless told to ignore it. */
export function parse(
  datagram: UdpDatagram,
  addrs?: UdpAddrs,
  opts: UdpParseOptions = {},
): UdpRepr | WireError {
  const bad = datagram.checkLen();
  if (bad) return bad;
  if (addrs && !opts.ignoreChecksum && !datagram.checksumOk(addrs)) {
    return wireError(`bad UDP checksum 0x${datagram.checksum.toString(16).padStart(4, '0')}`);
  }
  return { srcPort: datagram.srcPort, dstPort: datagram.dstPort, payload: datagram.payload.slice() };
}

/** bufferLen is the datagram length: header plus payload. */
export function bufferLen(repr: UdpRepr): number {
  return UDP_HEADER_LEN + repr.payload.length;
}

/** emit writes the datagram into buf; with addrs it fills the checksum, without it stores 0 (no checksum, like SO_NO_CHECK). */
export function emit(repr: UdpRepr, buf: Uint8Array, addrs?: UdpAddrs): void {
  const len = bufferLen(repr);
  if (len > 0xffff) throw new Error(`udp.emit: datagram of ${len} bytes`);
  const data = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  data.setUint16(0, repr.srcPort);
  data.setUint16(2, repr.dstPort);
  data.setUint16(4, len);
  data.setUint16(6, 0);
  buf.set(repr.payload, UDP_HEADER_LEN);
  if (!addrs) return;
  const check = checksumFinish(
    checksumAdd(pseudoHeaderSum(addrs.src, addrs.dst, IPPROTO_UDP, len), buf, 0, len),
  );
  data.setUint16(6, check === 0 ? 0xffff : check);
}
