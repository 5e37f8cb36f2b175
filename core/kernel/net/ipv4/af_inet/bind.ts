// net/ipv4/af_inet.c, bind: inet_bind (sock->ops->bind) checks the address, the privileged
// port rule and the socket state, then asks sk->sk_prot->get_port for the port.

import type { Host } from '../../../host/host';
import { kset } from '../../../host/kstruct';
import type { Socket } from '../../../include/linux/net';
import { TCP_STATE } from '../../../include/net/tcp_states';
import { AF_INET } from '../../../include/uapi/socket';
import { ipToString, type SockaddrIn } from '../../../include/uapi/in';
import { capable, type Task } from '../../../sched/task';
import { inet_csk_get_port } from '../inet_connection_sock';
import { udp_v4_get_port } from '../udp';
import { raw_bind } from '../raw';
import { ping_bind } from '../ping';
import { htons } from './create';

/** PROT_SOCK is the first unprivileged port, 1024. */
export const PROT_SOCK = 1024;
/** CAP_NET_BIND_SERVICE is capability 10: bind below PROT_SOCK. */
export const CAP_NET_BIND_SERVICE = 10;

/** GET_PORT implements each proto's get_port entry, one row per handler. */
const GET_PORT: Readonly<Record<string, typeof inet_csk_get_port>> = {
  inet_csk_get_port, // tcp_prot
  udp_v4_get_port, // udp_prot
};

/** PROT_BIND implements the protos that bind by themselves (sk->sk_prot->bind), one row per handler. */
const PROT_BIND: Readonly<Record<string, typeof raw_bind>> = {
  raw_bind, // raw_prot
  ping_bind, // ping_prot (3.10, 6.x)
};

/** isLocal tells whether addr is one of the host's local addresses (inet_addr_type == RTN_LOCAL). */
function isLocal(h: Host, addr: string): boolean {
  return h.net.routes.some(
    (r) => r.type === 'local' && (r.dst === addr || (r.prefixLen === 8 && addr.startsWith('127.'))),
  );
}

/** inet_bind binds sock to addr (sock->ops->bind); 0 or -errno. */
export function inet_bind(h: Host, task: Task, sock: Socket, addr: SockaddrIn, addrLen: number): number {
  return h.kcall(
    'inet_bind',
    `sock=${sock.addr}, ${ipToString(addr.addr)}:${addr.port} via ${sock.f.ops}.bind`,
    () => {
      const sk = sock.sk!;
      const own = PROT_BIND[h.profile.protos[sk.protoName]?.['bind'] ?? ''];
      if (own !== undefined) return own(h, sk, addr, addrLen);
      if (addrLen < 16) return h.kerr('EINVAL', `addrlen ${addrLen} < sizeof(struct sockaddr_in) (16)`);
      if (addr.family !== AF_INET) return h.kerr('EAFNOSUPPORT', `sin_family ${addr.family} is not AF_INET`);
      const ip = ipToString(addr.addr);
      if (ip !== '0.0.0.0' && !isLocal(h, ip) && !sk.f['freebind'] && !sk.f['transparent']) {
        return h.kerr(
          'EADDRNOTAVAIL',
          `${ip} is not an address of host ${h.name} (inet_addr_type != RTN_LOCAL)`,
        );
      }
      const snum = addr.port;
      if (snum !== 0 && snum < PROT_SOCK && !capable(task, CAP_NET_BIND_SERVICE)) {
        return h.kerr('EACCES', `port ${snum} < PROT_SOCK (1024) needs CAP_NET_BIND_SERVICE`);
      }
      if (sk.f.sk_state !== TCP_STATE.TCP_CLOSE || sk.f.inet_num !== 0) {
        return h.kerr(
          'EINVAL',
          sk.f.inet_num !== 0 ? `already bound to port ${sk.f.inet_num}` : 'socket is not in TCP_CLOSE',
        );
      }
      kset(h, sk, 'inet_rcv_saddr', ip);
      kset(h, sk, 'inet_saddr', ip);
      const getPort = h.profile.protos[sk.protoName]?.['get_port'] ?? '';
      const impl = GET_PORT[getPort];
      if (impl !== undefined && impl(h, sk, snum) !== 0) {
        kset(h, sk, 'inet_saddr', '0.0.0.0');
        kset(h, sk, 'inet_rcv_saddr', '0.0.0.0');
        return -98;
      }
      if (ip !== '0.0.0.0') kset(h, sk, 'sk_userlocks', sk.f.sk_userlocks | 4);
      if (snum !== 0) kset(h, sk, 'sk_userlocks', sk.f.sk_userlocks | 8);
      kset(h, sk, 'inet_sport', htons(sk.f.inet_num));
      kset(h, sk, 'inet_daddr', '0.0.0.0');
      kset(h, sk, 'inet_dport', 0);
      kset(h, sk, 'sk_dst_cache', null);
      return 0;
    },
  );
}
