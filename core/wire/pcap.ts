// Classic libpcap capture files (https://www.tcpdump.org/manpages/pcap-savefile.5.html, and
// draft-ietf-opsawg-pcap §4-5), written little-endian with the nanosecond magic 0xa1b23c4d so
// the simulator's integer-nanosecond clock survives unrounded. The reader accepts either byte
// order and both the microsecond and nanosecond magics; SockLab uses it in tests and imports.
import { type Field, type WireError, wireError } from './error';

/** PCAP_HEADER_FIELD is the byte range of each file header field. */
export const PCAP_HEADER_FIELD = {
  magic: [0, 4],
  versionMajor: [4, 6],
  versionMinor: [6, 8],
  thiszone: [8, 12],
  sigfigs: [12, 16],
  snaplen: [16, 20],
  linktype: [20, 24],
} as const satisfies Record<string, Field>;

/** PCAP_RECORD_FIELD is the byte range of each per-packet record header field. */
export const PCAP_RECORD_FIELD = {
  tsSec: [0, 4],
  tsFrac: [4, 8],
  inclLen: [8, 12],
  origLen: [12, 16],
} as const satisfies Record<string, Field>;

/** PCAP_HEADER_LEN is the length of the file header. */
export const PCAP_HEADER_LEN = 24;
/** PCAP_RECORD_HEADER_LEN is the length of each record header. */
export const PCAP_RECORD_HEADER_LEN = 16;
/** PCAP_MAGIC_NS is the magic of files with nanosecond timestamps. */
export const PCAP_MAGIC_NS = 0xa1b23c4d;
/** PCAP_MAGIC_US is the magic of files with microsecond timestamps. */
export const PCAP_MAGIC_US = 0xa1b2c3d4;
/** LINKTYPE_ETHERNET is the link type of Ethernet II frames without FCS. */
export const LINKTYPE_ETHERNET = 1;
/** PCAP_DEFAULT_SNAPLEN is the snapshot length written unless told otherwise (tcpdump's default). */
export const PCAP_DEFAULT_SNAPLEN = 262144;

/** PcapRecord is one captured frame: its time in nanoseconds, its bytes and, if truncated, its original length. */
export interface PcapRecord {
  timestampNs: number;
  data: Uint8Array;
  origLen?: number;
}

/** PcapOptions sets the file header's snapshot length and link type. */
export interface PcapOptions {
  snapLen?: number;
  linkType?: number;
}

/** PcapFile is a decoded capture file. */
export interface PcapFile {
  linkType: number;
  snapLen: number;
  /** nanosecond tells whether the file used the nanosecond magic. */
  nanosecond: boolean;
  records: PcapRecord[];
}

const NS_PER_S = 1_000_000_000;

/** pcapHeader returns the 24-byte file header that starts a capture. */
export function pcapHeader(opts: PcapOptions = {}): Uint8Array {
  const out = new Uint8Array(PCAP_HEADER_LEN);
  const v = new DataView(out.buffer);
  v.setUint32(0, PCAP_MAGIC_NS, true);
  v.setUint16(4, 2, true);
  v.setUint16(6, 4, true);
  v.setInt32(8, 0, true);
  v.setUint32(12, 0, true);
  v.setUint32(16, opts.snapLen ?? PCAP_DEFAULT_SNAPLEN, true);
  v.setUint32(20, opts.linkType ?? LINKTYPE_ETHERNET, true);
  return out;
}

/** pcapRecordBytes returns one record (header and data cut to snapLen), for writers that stream. */
export function pcapRecordBytes(record: PcapRecord, snapLen = PCAP_DEFAULT_SNAPLEN): Uint8Array {
  if (!Number.isSafeInteger(record.timestampNs) || record.timestampNs < 0) {
    throw new Error(`pcapRecordBytes: timestamp ${record.timestampNs} ns is not a non-negative integer`);
  }
  const incl = Math.min(record.data.length, snapLen);
  const out = new Uint8Array(PCAP_RECORD_HEADER_LEN + incl);
  const v = new DataView(out.buffer);
  v.setUint32(0, Math.floor(record.timestampNs / NS_PER_S), true);
  v.setUint32(4, record.timestampNs % NS_PER_S, true);
  v.setUint32(8, incl, true);
  v.setUint32(12, record.origLen ?? record.data.length, true);
  out.set(record.data.subarray(0, incl), PCAP_RECORD_HEADER_LEN);
  return out;
}

/** encodePcap returns a whole capture file holding the records in order. */
export function encodePcap(records: readonly PcapRecord[], opts: PcapOptions = {}): Uint8Array {
  const parts = [pcapHeader(opts), ...records.map((r) => pcapRecordBytes(r, opts.snapLen))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** decodePcap reads a classic capture file of either byte order and timestamp resolution. */
export function decodePcap(bytes: Uint8Array): PcapFile | WireError {
  if (bytes.length < PCAP_HEADER_LEN) return wireError(`pcap file of ${bytes.length} bytes has no header`);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let little: boolean;
  let nanosecond: boolean;
  const le = v.getUint32(0, true);
  const be = v.getUint32(0, false);
  if (le === PCAP_MAGIC_NS || le === PCAP_MAGIC_US) [little, nanosecond] = [true, le === PCAP_MAGIC_NS];
  else if (be === PCAP_MAGIC_NS || be === PCAP_MAGIC_US) [little, nanosecond] = [false, be === PCAP_MAGIC_NS];
  else return wireError(`bad pcap magic 0x${be.toString(16).padStart(8, '0')}`);
  const file: PcapFile = {
    linkType: v.getUint32(20, little) & 0x0fffffff,
    snapLen: v.getUint32(16, little),
    nanosecond,
    records: [],
  };
  let at = PCAP_HEADER_LEN;
  while (at < bytes.length) {
    if (at + PCAP_RECORD_HEADER_LEN > bytes.length)
      return wireError(`pcap record header at ${at} is cut short`);
    const sec = v.getUint32(at, little);
    const frac = v.getUint32(at + 4, little);
    const incl = v.getUint32(at + 8, little);
    const origLen = v.getUint32(at + 12, little);
    const start = at + PCAP_RECORD_HEADER_LEN;
    if (start + incl > bytes.length) return wireError(`pcap record at ${at} of ${incl} bytes is cut short`);
    const timestampNs = sec * NS_PER_S + (nanosecond ? frac : frac * 1000);
    file.records.push({ timestampNs, data: bytes.slice(start, start + incl), origLen });
    at = start + incl;
  }
  return file;
}
