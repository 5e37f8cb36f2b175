// Ethernet II frames (IEEE 802.3 clause 3.2 with the DIX EtherType in place of the length) and
// MAC address text. The frame check sequence is not carried: Linux hands frames to the wire and
// to packet sockets without it, and pcap files hold them the same way.
import { type Field, type WireError, wireError } from './error';

/** ETHERNET_FIELD is the byte range of each Ethernet II header field. */
export const ETHERNET_FIELD = {
  dst: [0, 6],
  src: [6, 12],
  etherType: [12, 14],
} as const satisfies Record<string, Field>;

/** ETH_HLEN is the Ethernet II header length in bytes (include/uapi/linux/if_ether.h). */
export const ETH_HLEN = 14;
/** ETH_ALEN is the length of a MAC address in bytes. */
export const ETH_ALEN = 6;
/** ETH_ZLEN is the minimum frame length without the FCS; shorter frames are padded by the driver. */
export const ETH_ZLEN = 60;
/** ETH_P_IP is the EtherType of IPv4. */
export const ETH_P_IP = 0x0800;
/** ETH_P_ARP is the EtherType of ARP. */
export const ETH_P_ARP = 0x0806;
/** ETH_P_IPV6 is the EtherType of IPv6. */
export const ETH_P_IPV6 = 0x86dd;

/** MAC_BROADCAST is the all-ones broadcast address. */
export const MAC_BROADCAST = 'ff:ff:ff:ff:ff:ff';
/** MAC_ZERO is the all-zero address (loopback frames, ARP requests' target). */
export const MAC_ZERO = '00:00:00:00:00:00';

const MAC_TEXT = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;

/** parseMac reads `aa:bb:cc:dd:ee:ff` (either case) into six bytes, or returns a WireError. */
export function parseMac(text: string): Uint8Array | WireError {
  if (!MAC_TEXT.test(text)) return wireError(`bad MAC address "${text}"`);
  return Uint8Array.from(text.split(':'), (part) => parseInt(part, 16));
}

/** formatMac writes six bytes starting at offset as lowercase `aa:bb:cc:dd:ee:ff`. */
export function formatMac(bytes: Uint8Array, offset = 0): string {
  const parts: string[] = [];
  for (let i = 0; i < ETH_ALEN; i++) parts.push((bytes[offset + i] ?? 0).toString(16).padStart(2, '0'));
  return parts.join(':');
}

/** writeMac stores a MAC address given as text at offset; it throws on bad text, which is a caller bug. */
export function writeMac(buf: Uint8Array, offset: number, mac: string): void {
  const bytes = parseMac(mac);
  if (!(bytes instanceof Uint8Array)) throw new Error(`writeMac: ${bytes.reason}`);
  buf.set(bytes, offset);
}

/** EthernetFrame is a view over the bytes of one Ethernet II frame. */
export class EthernetFrame {
  /** buffer is the whole frame. */
  readonly buffer: Uint8Array;

  constructor(buffer: Uint8Array) {
    this.buffer = buffer;
  }

  /** checkLen returns a WireError when the buffer is too short for the header. */
  checkLen(): WireError | undefined {
    if (this.buffer.length < ETH_HLEN) {
      return wireError(`Ethernet frame of ${this.buffer.length} bytes is shorter than its 14-byte header`);
    }
    return undefined;
  }

  /** dst is the destination MAC address as text. */
  get dst(): string {
    return formatMac(this.buffer, ETHERNET_FIELD.dst[0]);
  }

  /** src is the source MAC address as text. */
  get src(): string {
    return formatMac(this.buffer, ETHERNET_FIELD.src[0]);
  }

  /** etherType is the protocol of the payload (ETH_P_IP, ETH_P_ARP, ...). */
  get etherType(): number {
    return (this.buffer[12] << 8) | this.buffer[13];
  }

  /** payload is everything after the header, padding included. */
  get payload(): Uint8Array {
    return this.buffer.subarray(ETH_HLEN);
  }
}

/** EthernetRepr is the plain content of an Ethernet II header. */
export interface EthernetRepr {
  src: string;
  dst: string;
  etherType: number;
}

/** parse decodes a checked frame's header into its repr. */
export function parse(frame: EthernetFrame): EthernetRepr | WireError {
  const short = frame.checkLen();
  if (short) return short;
  return { src: frame.src, dst: frame.dst, etherType: frame.etherType };
}

/** bufferLen is the length of a frame carrying payloadLen bytes (no padding to ETH_ZLEN is added). */
export function bufferLen(_repr: EthernetRepr, payloadLen = 0): number {
  return ETH_HLEN + payloadLen;
}

/** emit writes the header into buf[0, 14); the caller writes the payload after it. */
export function emit(repr: EthernetRepr, buf: Uint8Array): void {
  writeMac(buf, ETHERNET_FIELD.dst[0], repr.dst);
  writeMac(buf, ETHERNET_FIELD.src[0], repr.src);
  buf[12] = repr.etherType >>> 8;
  buf[13] = repr.etherType & 0xff;
}
