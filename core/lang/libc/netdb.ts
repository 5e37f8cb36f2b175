// netdb.h over the simulated hosts table (the host's `hosts` call, i.e. /etc/hosts): getaddrinfo
// and freeaddrinfo with glibc's struct addrinfo layout (48 bytes: flags, family, socktype,
// protocol, addrlen, then ai_addr, ai_canonname, ai_next at 24, 32, 40), getnameinfo,
// gethostbyname and h_errno. Numeric hosts and ports need no table; a name with only IPv4
// entries gives no AF_INET6 answer (EAI_NONAME), and with no IPv6 anywhere in the world an
// AF_UNSPEC query for a null node returns IPv4 only (as with AI_ADDRCONFIG).
import type { HostEntry } from '../vm/host';
import type { Builtin, Call } from '../vm/views';
import { argI, argU, retI } from '../vm/views';
import { heapAlloc, heapFree } from './malloc';
import { cString, putCString, staticBuffer } from './inet';
import { formatIpv4, formatIpv6, parseIpv4, parseIpv6 } from './inetText';
import { AF_INET, AF_INET6, decodeSockaddr, encodeSockaddr } from './sockaddr';
import { isFailed, hostCall, rd32, readBytes, wr32, wr64, writeBytes } from './sys';

/** SERVICES is the part of /etc/services SockLab programs use: name → port, one row per service. */
// prettier-ignore
export const SERVICES: Readonly<Record<string, number>> = {
  echo: 7, discard: 9, daytime: 13, ftp: 21, ssh: 22, telnet: 23, smtp: 25, domain: 53, http: 80,
  pop3: 110, imap: 143, https: 443,
};

const EAI_NONAME = -2;
const EAI_FAMILY = -6;
const EAI_SERVICE = -8;
const EAI_ADDRFAMILY = -9;
const EAI_MEMORY = -10;
const AI_PASSIVE = 1;
const AI_CANONNAME = 2;
const AI_NUMERICHOST = 4;
const AI_NUMERICSERV = 0x400;

type Addr = { family: 2; v4: number } | { family: 10; v6: Uint8Array };

function hostsTable(c: Call): readonly HostEntry[] {
  const r = hostCall(c, 'hosts', {});
  return isFailed(r) || typeof r === 'number' ? [] : r;
}

function lookup(c: Call, name: string): HostEntry | undefined {
  const n = name.toLowerCase();
  return hostsTable(c).find(
    (h) => h.name.toLowerCase() === n || (h.aliases ?? []).some((a) => a.toLowerCase() === n),
  );
}

/** resolve finds a node's addresses for a family, or an EAI_* code. */
function resolve(c: Call, node: string | null, family: number, flags: number): Addr[] | number {
  const anyV6 = hostsTable(c).some((h) => (h.v6 ?? []).length > 0);
  if (node === null) {
    const passive = (flags & AI_PASSIVE) !== 0;
    const v6: Addr = { family: AF_INET6, v6: parseIpv6(passive ? '::' : '::1')! };
    const v4: Addr = { family: AF_INET, v4: passive ? 0 : 0x7f000001 };
    if (family === AF_INET) return [v4];
    if (family === AF_INET6) return [v6];
    return anyV6 ? [v6, v4] : [v4];
  }
  const n4 = parseIpv4(node);
  if (n4 !== undefined) return family === AF_INET6 ? EAI_ADDRFAMILY : [{ family: AF_INET, v4: n4 }];
  const n6 = parseIpv6(node);
  if (n6 !== undefined) return family === AF_INET ? EAI_ADDRFAMILY : [{ family: AF_INET6, v6: n6 }];
  if ((flags & AI_NUMERICHOST) !== 0) return EAI_NONAME;
  const h = lookup(c, node);
  if (h === undefined) return EAI_NONAME;
  const out: Addr[] = [];
  if (family !== AF_INET) for (const v6 of h.v6 ?? []) out.push({ family: AF_INET6, v6 });
  if (family !== AF_INET6) for (const v4 of h.v4) out.push({ family: AF_INET, v4 });
  return out.length === 0 ? EAI_NONAME : out;
}

function servicePort(name: string | null, flags: number): number {
  if (name === null) return 0;
  if (/^\d+$/.test(name)) return Number(name) & 0xffff;
  if ((flags & AI_NUMERICSERV) !== 0) return EAI_NONAME;
  return SERVICES[name] ?? EAI_SERVICE;
}

const TYPES: readonly [number, number][] = [
  [1, 6],
  [2, 17],
  [3, 0],
];

const getaddrinfo: Builtin = (c) => {
  const str = (i: number): string | null => {
    const p = argU(c, i);
    const t = p === 0 ? null : cString(c, p);
    return typeof t === 'number' ? null : t;
  };
  const node = str(0);
  const service = str(1);
  const hints = argU(c, 2);
  const h = hints === 0 ? [0, 0, 0, 0] : [0, 4, 8, 12].map((o) => rd32(c, hints + o) ?? 0);
  const [flags, family, socktype, protocol] = h as [number, number, number, number];
  if (family !== 0 && family !== AF_INET && family !== AF_INET6) return retI(c, EAI_FAMILY);
  if (node === null && service === null) return retI(c, EAI_NONAME);
  const port = servicePort(service, flags);
  if (port < 0) return retI(c, port);
  const addrs = resolve(c, node, family, flags);
  if (typeof addrs === 'number') return retI(c, addrs);
  const types = TYPES.filter(
    ([t, p]) => (socktype === 0 || t === socktype) && (protocol === 0 || p === protocol || p === 0),
  );
  const entries = addrs.flatMap((a) => types.map(([t, p]) => ({ a, t, p: protocol !== 0 ? protocol : p })));
  let next = 0;
  for (let i = entries.length - 1; i >= 0; i--) {
    const { a, t, p } = entries[i]!;
    const sa = encodeSockaddr(
      a.family === AF_INET
        ? { family: AF_INET, port, addr: a.v4 }
        : { family: AF_INET6, port, addr6: a.v6, flowinfo: 0, scopeId: 0 },
    );
    const canon = i === 0 && (flags & AI_CANONNAME) !== 0 ? (node ?? '') : undefined;
    const size = 48 + sa.length + (canon === undefined ? 0 : canon.length + 1);
    const block = heapAlloc(c.s, size);
    if (block === 0) return retI(c, EAI_MEMORY);
    c.s.mem.fill(0, block, block + size);
    [flags, a.family, t, p, sa.length].forEach((v, k) => wr32(c, block + k * 4, v));
    wr64(c, block + 24, block + 48);
    writeBytes(c, block + 48, sa);
    if (canon !== undefined) {
      putCString(c, block + 48 + sa.length, canon);
      wr64(c, block + 32, block + 48 + sa.length);
    }
    wr64(c, block + 40, next);
    next = block;
  }
  if (!wr64(c, argU(c, 3), next)) return retI(c, EAI_MEMORY);
  return retI(c, 0);
};

const freeaddrinfo: Builtin = (c) => {
  let p = argU(c, 0);
  while (p !== 0) {
    const next = Number(c.v.dv.getBigUint64(p + 40, true));
    heapFree(c.s, p);
    p = next;
  }
  return retI(c, 0);
};

const getnameinfo: Builtin = (c) => {
  const raw = readBytes(c, argU(c, 0), argI(c, 1));
  const sa = raw === undefined ? undefined : decodeSockaddr(raw);
  if (sa === undefined || !('port' in sa)) return retI(c, EAI_FAMILY);
  const flags = argI(c, 6);
  const numeric = 'addr' in sa ? formatIpv4(sa.addr) : formatIpv6(sa.addr6);
  let host = numeric;
  if ((flags & 1) === 0) {
    const h = hostsTable(c).find((e) => ('addr' in sa ? e.v4.includes(sa.addr) : false));
    if (h !== undefined) host = h.name;
    else if ((flags & 8) !== 0) return retI(c, EAI_NONAME);
  }
  let serv = String(sa.port);
  if ((flags & 2) === 0) serv = Object.entries(SERVICES).find(([, p]) => p === sa.port)?.[0] ?? serv;
  if (argU(c, 2) !== 0 && !putCString(c, argU(c, 2), host, argU(c, 3))) return retI(c, -12);
  if (argU(c, 4) !== 0 && !putCString(c, argU(c, 4), serv, argU(c, 5))) return retI(c, -12);
  return retI(c, 0);
};

const gethostbyname: Builtin = (c) => {
  const name = cString(c, argU(c, 0));
  const herr = staticBuffer(c, 'h_errno', 4);
  const text = typeof name === 'number' ? '' : name;
  const n4 = parseIpv4(text);
  const h = n4 !== undefined ? { name: text, v4: [n4] } : lookup(c, text);
  if (h === undefined || h.v4.length === 0) {
    wr32(c, herr, 1);
    return retI(c, 0);
  }
  const buf = staticBuffer(c, 'hostent', 32 + 8 + 8 * 9 + 4 * 8 + 256);
  const list = buf + 40;
  const addrs = list + 8 * 9;
  const nameAt = addrs + 32;
  const v4 = h.v4.slice(0, 8);
  putCString(c, nameAt, h.name.slice(0, 255));
  wr64(c, buf, nameAt);
  wr64(c, buf + 8, buf + 32);
  wr64(c, buf + 32, 0);
  wr32(c, buf + 16, AF_INET);
  wr32(c, buf + 20, 4);
  wr64(c, buf + 24, list);
  v4.forEach((a, i) => {
    writeBytes(c, addrs + 4 * i, [a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255]);
    wr64(c, list + 8 * i, addrs + 4 * i);
  });
  wr64(c, list + 8 * v4.length, 0);
  return retI(c, buf);
};

/** netdbBuiltins implements netdb.h's resolver functions. */
export const netdbBuiltins: Record<string, Builtin> = {
  getaddrinfo,
  freeaddrinfo,
  getnameinfo,
  gethostbyname,
  __h_errno_location: (c) => retI(c, staticBuffer(c, 'h_errno', 4)),
};
