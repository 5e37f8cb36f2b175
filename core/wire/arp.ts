// ARP for IPv4 over Ethernet (RFC 826), the only kind Linux's arp.c resolves for an Ethernet
// device. The view decodes the generic header of any ARP packet; the repr covers Ethernet/IPv4.
import { type Field, type WireError, wireError } from './error';
import { ETH_P_IP, formatMac, writeMac } from './ethernet';

/** ARP_FIELD is the byte range of each field, named after struct arphdr and its Ethernet/IPv4 tail. */
export const ARP_FIELD = {
  ar_hrd: [0, 2],
  ar_pro: [2, 4],
  ar_hln: [4, 5],
  ar_pln: [5, 6],
  ar_op: [6, 8],
  ar_sha: [8, 14],
  ar_sip: [14, 18],
  ar_tha: [18, 24],
  ar_tip: [24, 28],
} as const satisfies Record<string, Field>;

/** ARP_HEADER_LEN is the generic header length before the addresses. */
export const ARP_HEADER_LEN = 8;
/** ARP_ETH_IPV4_LEN is the length of an Ethernet/IPv4 ARP packet. */
export const ARP_ETH_IPV4_LEN = 28;
/** ARPHRD_ETHER is the hardware type of Ethernet (include/uapi/linux/if_arp.h). */
export const ARPHRD_ETHER = 1;
/** ARPOP_REQUEST is the operation code of a request. */
export const ARPOP_REQUEST = 1;
/** ARPOP_REPLY is the operation code of a reply. */
export const ARPOP_REPLY = 2;

/** ArpPacket is a view over the bytes of one ARP packet. */
export class ArpPacket {
  /** buffer holds the packet; bytes after the addresses (Ethernet padding) are ignored. */
  readonly buffer: Uint8Array;
  readonly #data: DataView;

  constructor(buffer: Uint8Array) {
    this.buffer = buffer;
    this.#data = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }

  /** checkLen returns a WireError unless the buffer holds the header and both address pairs. */
  checkLen(): WireError | undefined {
    if (this.buffer.length < ARP_HEADER_LEN) {
      return wireError(`ARP packet of ${this.buffer.length} bytes is shorter than 8 bytes`);
    }
    if (this.buffer.length < this.packetLen) {
      return wireError(
        `ARP packet of ${this.buffer.length} bytes is shorter than its ${this.packetLen} bytes`,
      );
    }
    return undefined;
  }

  /** hardwareType is ar_hrd. */
  get hardwareType(): number {
    return this.#data.getUint16(0);
  }
  /** protocolType is ar_pro, an EtherType. */
  get protocolType(): number {
    return this.#data.getUint16(2);
  }
  /** hardwareLen is ar_hln, the length of a hardware address. */
  get hardwareLen(): number {
    return this.buffer[4];
  }
  /** protocolLen is ar_pln, the length of a protocol address. */
  get protocolLen(): number {
    return this.buffer[5];
  }
  /** operation is ar_op (ARPOP_REQUEST, ARPOP_REPLY, ...). */
  get operation(): number {
    return this.#data.getUint16(6);
  }
  /** packetLen is the length the header announces: 8 bytes plus two hardware and two protocol addresses. */
  get packetLen(): number {
    return ARP_HEADER_LEN + 2 * (this.hardwareLen + this.protocolLen);
  }
  /** isEthernetIpv4 tells whether the addresses are 6-byte MACs and 4-byte IPv4 addresses. */
  get isEthernetIpv4(): boolean {
    return (
      this.hardwareType === ARPHRD_ETHER &&
      this.protocolType === ETH_P_IP &&
      this.hardwareLen === 6 &&
      this.protocolLen === 4
    );
  }
  /** senderMac is ar_sha of an Ethernet/IPv4 packet. */
  get senderMac(): string {
    return formatMac(this.buffer, 8);
  }
  /** senderIp is ar_sip of an Ethernet/IPv4 packet. */
  get senderIp(): number {
    return this.#data.getUint32(14);
  }
  /** targetMac is ar_tha of an Ethernet/IPv4 packet. */
  get targetMac(): string {
    return formatMac(this.buffer, 18);
  }
  /** targetIp is ar_tip of an Ethernet/IPv4 packet. */
  get targetIp(): number {
    return this.#data.getUint32(24);
  }
}

/** ArpRepr is the plain content of an Ethernet/IPv4 ARP packet. */
export interface ArpRepr {
  operation: number;
  senderMac: string;
  senderIp: number;
  targetMac: string;
  targetIp: number;
}

/** parse decodes an Ethernet/IPv4 ARP packet; other hardware or protocol types give a WireError. */
export function parse(packet: ArpPacket): ArpRepr | WireError {
  const bad = packet.checkLen();
  if (bad) return bad;
  if (!packet.isEthernetIpv4) {
    return wireError(
      `ARP hardware ${packet.hardwareType}/${packet.hardwareLen}, protocol 0x${packet.protocolType.toString(16)}/${packet.protocolLen}: not Ethernet/IPv4`,
    );
  }
  return {
    operation: packet.operation,
    senderMac: packet.senderMac,
    senderIp: packet.senderIp,
    targetMac: packet.targetMac,
    targetIp: packet.targetIp,
  };
}

/** bufferLen is the length of an Ethernet/IPv4 ARP packet, always 28. */
export function bufferLen(_repr: ArpRepr): number {
  return ARP_ETH_IPV4_LEN;
}

/** emit writes the 28-byte packet into buf. */
export function emit(repr: ArpRepr, buf: Uint8Array): void {
  const data = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  data.setUint16(0, ARPHRD_ETHER);
  data.setUint16(2, ETH_P_IP);
  buf[4] = 6;
  buf[5] = 4;
  data.setUint16(6, repr.operation);
  writeMac(buf, 8, repr.senderMac);
  data.setUint32(14, repr.senderIp >>> 0);
  writeMac(buf, 18, repr.targetMac);
  data.setUint32(24, repr.targetIp >>> 0);
}
