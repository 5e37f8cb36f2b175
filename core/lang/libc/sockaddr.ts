// struct sockaddr_in / sockaddr_in6 / sockaddr_storage between program memory and SockAddr,
// with gcc's x86-64 layouts: sockaddr_in is family(2) port(2, network order) addr(4) zero(8),
// 16 bytes; sockaddr_in6 is family(2) port(2) flowinfo(4) addr(16) scope_id(4), 28 bytes.
import type { SockAddr } from '../vm/host';

/** AF_INET and AF_INET6 as Linux numbers them. */
export const AF_INET = 2;
export const AF_INET6 = 10;

/** decodeSockaddr turns `len` bytes of a struct sockaddr into a SockAddr (undefined when too short). */
export function decodeSockaddr(b: Uint8Array): SockAddr | undefined {
  if (b.length < 2) return undefined;
  const d = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const family = d.getUint16(0, true);
  if (family === AF_INET && b.length >= 16)
    return { family: AF_INET, port: d.getUint16(2, false), addr: d.getUint32(4, false) };
  if (family === AF_INET6 && b.length >= 28)
    return {
      family: AF_INET6,
      port: d.getUint16(2, false),
      flowinfo: d.getUint32(4, false),
      addr6: b.slice(8, 24),
      scopeId: d.getUint32(24, true),
    };
  if (family === AF_INET || family === AF_INET6) return undefined;
  return { family, raw: b.slice(2) };
}

/** encodeSockaddr lays a SockAddr out as the C struct's bytes. */
export function encodeSockaddr(a: SockAddr): Uint8Array {
  if ('addr' in a) {
    const b = new Uint8Array(16);
    const d = new DataView(b.buffer);
    d.setUint16(0, a.family, true);
    d.setUint16(2, a.port, false);
    d.setUint32(4, a.addr >>> 0, false);
    return b;
  }
  if ('addr6' in a) {
    const b = new Uint8Array(28);
    const d = new DataView(b.buffer);
    d.setUint16(0, a.family, true);
    d.setUint16(2, a.port, false);
    d.setUint32(4, a.flowinfo, false);
    b.set(a.addr6.subarray(0, 16), 8);
    d.setUint32(24, a.scopeId, true);
    return b;
  }
  const b = new Uint8Array(2 + a.raw.length);
  new DataView(b.buffer).setUint16(0, a.family, true);
  b.set(a.raw, 2);
  return b;
}
