// pcapng capture files (draft-ietf-opsawg-pcapng §4.1 SHB, §4.2 IDB, §4.3 EPB, §3.5 options),
// written little-endian: one Section Header Block, one Interface Description Block per
// interface (if_name, if_tsresol = 9 for nanoseconds) and one Enhanced Packet Block per frame
// with an opt_comment. SockLab writes the trace event id, the kernel function that put the
// frame on the wire, the host and the interface there (frameComment), so Wireshark shows
// where each frame came from. The reader exists for tests and accepts either byte order.
import { type Field, type WireError, wireError } from './error';
import { LINKTYPE_ETHERNET, PCAP_DEFAULT_SNAPLEN } from './pcap';

/** PCAPNG_EPB_FIELD is the byte range of each fixed Enhanced Packet Block field. */
export const PCAPNG_EPB_FIELD = {
  blockType: [0, 4],
  blockTotalLength: [4, 8],
  interfaceId: [8, 12],
  timestampHigh: [12, 16],
  timestampLow: [16, 20],
  capturedLen: [20, 24],
  originalLen: [24, 28],
} as const satisfies Record<string, Field>;

/** BLOCK_SHB is the Section Header Block type. */
export const BLOCK_SHB = 0x0a0d0d0a;
/** BLOCK_IDB is the Interface Description Block type. */
export const BLOCK_IDB = 0x00000001;
/** BLOCK_EPB is the Enhanced Packet Block type. */
export const BLOCK_EPB = 0x00000006;
/** BYTE_ORDER_MAGIC is the SHB's byte-order magic. */
export const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
/** OPT_COMMENT is the opt_comment option code, valid in every block. */
export const OPT_COMMENT = 1;
/** SHB_USERAPPL is the shb_userappl option code. */
export const SHB_USERAPPL = 4;
/** IF_NAME is the if_name option code. */
export const IF_NAME = 2;
/** IF_TSRESOL is the if_tsresol option code. */
export const IF_TSRESOL = 9;

/** PcapngInterface describes one capture interface, e.g. `eth0` of host `client`. */
export interface PcapngInterface {
  name: string;
  linkType?: number;
  snapLen?: number;
}

/** PcapngPacket is one frame, the index of its interface, its time in nanoseconds and an optional comment. */
export interface PcapngPacket {
  interfaceId: number;
  timestampNs: number;
  data: Uint8Array;
  origLen?: number;
  comment?: string;
}

/** PcapngCapture is the content of a single-section pcapng file. */
export interface PcapngCapture {
  interfaces: PcapngInterface[];
  packets: PcapngPacket[];
  /** application names the writer in shb_userappl. */
  application?: string;
}

/** FrameOrigin is what SockLab records about where a frame came from. */
export interface FrameOrigin {
  eventId: number;
  func: string;
  host: string;
  dev: string;
}

/** frameComment formats a frame's origin as its opt_comment: `event=17 func=dev_hard_start_xmit host=client dev=eth0`. */
export function frameComment(origin: FrameOrigin): string {
  return `event=${origin.eventId} func=${origin.func} host=${origin.host} dev=${origin.dev}`;
}

/** encodeUtf8 encodes a string as UTF-8 (core has no TextEncoder); lone surrogates become U+FFFD. */
export function encodeUtf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    let c = ch.codePointAt(0) ?? 0xfffd;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return Uint8Array.from(out);
}

/** decodeUtf8 decodes UTF-8 bytes; malformed sequences become U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const n = b < 0x80 ? 0 : b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 ? (b < 0xf0 ? 2 : -1) : b >= 0xc2 ? 1 : -1;
    let c = n === 0 ? b : n > 0 ? b & (0x3f >> n) : -1;
    for (let k = 1; k <= n && c >= 0; k++) {
      const cont = bytes[i + k];
      c = cont !== undefined && (cont & 0xc0) === 0x80 ? (c << 6) | (cont & 0x3f) : -1;
    }
    if (c < 0 || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) {
      out += '\ufffd';
      i += 1;
    } else {
      out += String.fromCodePoint(c);
      i += n + 1;
    }
  }
  return out;
}

const pad4 = (n: number): number => (n + 3) & ~3;

/** Block assembles one block's body as little-endian words and bytes. */
class Block {
  readonly #parts: number[] = [];
  u16(v: number): this {
    this.#parts.push(v & 0xff, (v >>> 8) & 0xff);
    return this;
  }
  u32(v: number): this {
    return this.u16(v & 0xffff).u16(v >>> 16);
  }
  bytes(b: Uint8Array): this {
    for (const x of b) this.#parts.push(x);
    while (this.#parts.length % 4 !== 0) this.#parts.push(0);
    return this;
  }
  option(code: number, value: Uint8Array): this {
    return this.u16(code).u16(value.length).bytes(value);
  }
  /** finish wraps the body with block type and both total-length fields. */
  finish(type: number): Uint8Array {
    const total = this.#parts.length + 12;
    return new Block().u32(type).u32(total).raw(this.#parts).u32(total).done();
  }
  raw(parts: number[]): this {
    for (const p of parts) this.#parts.push(p);
    return this;
  }
  done(): Uint8Array {
    return Uint8Array.from(this.#parts);
  }
}

function shb(application: string | undefined): Uint8Array {
  const b = new Block().u32(BYTE_ORDER_MAGIC).u16(1).u16(0).u32(0xffffffff).u32(0xffffffff);
  if (application !== undefined) b.option(SHB_USERAPPL, encodeUtf8(application)).u32(0);
  return b.finish(BLOCK_SHB);
}

function idb(iface: PcapngInterface): Uint8Array {
  return new Block()
    .u16(iface.linkType ?? LINKTYPE_ETHERNET)
    .u16(0)
    .u32(iface.snapLen ?? PCAP_DEFAULT_SNAPLEN)
    .option(IF_NAME, encodeUtf8(iface.name))
    .option(IF_TSRESOL, Uint8Array.of(9))
    .u32(0)
    .finish(BLOCK_IDB);
}

function epb(p: PcapngPacket, snapLen: number): Uint8Array {
  if (!Number.isSafeInteger(p.timestampNs) || p.timestampNs < 0) {
    throw new Error(`pcapng: timestamp ${p.timestampNs} ns is not a non-negative integer`);
  }
  const data = p.data.subarray(0, Math.min(p.data.length, snapLen));
  const b = new Block()
    .u32(p.interfaceId)
    .u32(Math.floor(p.timestampNs / 2 ** 32))
    .u32(p.timestampNs % 2 ** 32)
    .u32(data.length)
    .u32(p.origLen ?? p.data.length)
    .bytes(data);
  if (p.comment !== undefined) b.option(OPT_COMMENT, encodeUtf8(p.comment)).u32(0);
  return b.finish(BLOCK_EPB);
}

/** encodePcapng returns a whole pcapng file: SHB, one IDB per interface, one EPB per packet; it throws on a packet naming a missing interface, a caller bug. */
export function encodePcapng(capture: PcapngCapture): Uint8Array {
  const blocks = [shb(capture.application), ...capture.interfaces.map(idb)];
  for (const p of capture.packets) {
    const iface = capture.interfaces[p.interfaceId];
    if (!iface) throw new Error(`encodePcapng: packet names interface ${p.interfaceId}, not declared`);
    blocks.push(epb(p, iface.snapLen ?? PCAP_DEFAULT_SNAPLEN));
  }
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of blocks) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

interface Reader {
  v: DataView;
  little: boolean;
}

function readOptions(r: Reader, bytes: Uint8Array, start: number, end: number): Map<number, Uint8Array> {
  const opts = new Map<number, Uint8Array>();
  for (let at = start; at + 4 <= end;) {
    const code = r.v.getUint16(at, r.little);
    const len = r.v.getUint16(at + 2, r.little);
    if (code === 0 || at + 4 + len > end) break;
    if (!opts.has(code)) opts.set(code, bytes.slice(at + 4, at + 4 + len));
    at += 4 + pad4(len);
  }
  return opts;
}

function tsUnitNs(resol: Uint8Array | undefined): number {
  const r = resol?.[0] ?? 6;
  return r & 0x80 ? 1e9 / 2 ** (r & 0x7f) : 10 ** (9 - r);
}

/** decodePcapng reads the first section of a pcapng file: its interfaces and packets, skipping other block types. */
export function decodePcapng(bytes: Uint8Array): PcapngCapture | WireError {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 28 || v.getUint32(0, true) !== BLOCK_SHB)
    return wireError('pcapng file does not start with an SHB');
  const little = v.getUint32(8, true) === BYTE_ORDER_MAGIC;
  if (!little && v.getUint32(8, false) !== BYTE_ORDER_MAGIC) return wireError('bad pcapng byte-order magic');
  const r: Reader = { v, little };
  const capture: PcapngCapture = { interfaces: [], packets: [] };
  const units: number[] = [];
  for (let at = 0; at < bytes.length;) {
    if (at + 12 > bytes.length) return wireError(`pcapng block at ${at} is cut short`);
    const type = v.getUint32(at, little);
    const total = v.getUint32(at + 4, little);
    if (total < 12 || total % 4 !== 0 || at + total > bytes.length) {
      return wireError(`pcapng block at ${at} has bad length ${total}`);
    }
    if (type === BLOCK_SHB && at > 0) break;
    if (type === BLOCK_SHB) {
      const appl = readOptions(r, bytes, at + 24, at + total - 4).get(SHB_USERAPPL);
      if (appl) capture.application = decodeUtf8(appl);
    } else if (type === BLOCK_IDB) {
      const opts = readOptions(r, bytes, at + 16, at + total - 4);
      const name = opts.get(IF_NAME);
      capture.interfaces.push({
        name: name ? decodeUtf8(name) : '',
        linkType: v.getUint16(at + 8, little),
        snapLen: v.getUint32(at + 12, little),
      });
      units.push(tsUnitNs(opts.get(IF_TSRESOL)));
    } else if (type === BLOCK_EPB) {
      const interfaceId = v.getUint32(at + 8, little);
      const ts = v.getUint32(at + 12, little) * 2 ** 32 + v.getUint32(at + 16, little);
      const capLen = v.getUint32(at + 20, little);
      if (28 + pad4(capLen) + 4 > total) return wireError(`pcapng EPB at ${at} overruns its block`);
      const packet: PcapngPacket = {
        interfaceId,
        timestampNs: Math.round(ts * (units[interfaceId] ?? 1000)),
        data: bytes.slice(at + 28, at + 28 + capLen),
        origLen: v.getUint32(at + 24, little),
      };
      const comment = readOptions(r, bytes, at + 28 + pad4(capLen), at + total - 4).get(OPT_COMMENT);
      if (comment) packet.comment = decodeUtf8(comment);
      capture.packets.push(packet);
    }
    at += total;
  }
  return capture;
}
