// net/core/sock.c: sk_alloc (with sk_prot_alloc), sock_init_data, sk_common_release and
// sk_free. The object a proto allocates is its obj_size struct (tcp_sock for tcp_prot …),
// flattened into one traced field record built from the struct tables, one row per proto.

import type { Host } from '../../host/host';
import { kalloc, kfree, kset } from '../../host/kstruct';
import type { Socket } from '../../include/linux/net';
import { TCP_SOCK_ZERO } from '../../include/linux/tcp';
import { ICSK_ZERO } from '../../include/net/inet_connection_sock';
import { INET_SOCK_ZERO } from '../../include/net/inet_sock';
import { MAX_SCHEDULE_TIMEOUT, SOCK_COMMON_ZERO, SOCK_ZERO, type Sock } from '../../include/net/sock';
import { TCP_STATE } from '../../include/net/tcp_states';

const INET_BASE = { ...SOCK_COMMON_ZERO, ...SOCK_ZERO, ...INET_SOCK_ZERO };

/** PROTO_OBJ maps a proto table to the struct its slab holds and that struct's zeroed fields. */
// prettier-ignore
export const PROTO_OBJ: Readonly<Record<string, { struct: string; size: number; zero: Record<string, string | number | null> }>> = {
  tcp_prot: { struct: 'tcp_sock', size: 2048, zero: { ...INET_BASE, ...ICSK_ZERO, ...TCP_SOCK_ZERO } }, // obj_size = sizeof(struct tcp_sock)
  udp_prot: { struct: 'udp_sock', size: 1024, zero: { ...INET_BASE, corkflag: 0, pending: 0, len: 0 } }, // obj_size = sizeof(struct udp_sock)
  raw_prot: { struct: 'raw_sock', size: 1024, zero: { ...INET_BASE, filter: 0 } }, // obj_size = sizeof(struct raw_sock)
  ping_prot: { struct: 'inet_sock', size: 1024, zero: { ...INET_BASE } }, // obj_size = sizeof(struct inet_sock)
};

/** sk_alloc allocates a sock from prot's slab and sets family, prot and the sk_wmem_alloc bias (net/core/sock.c). */
export function sk_alloc(h: Host, family: number, prot: string): Sock {
  return h.kcall('sk_alloc', `PF_INET, GFP_KERNEL, &${prot}`, () => {
    const spec = PROTO_OBJ[prot];
    if (spec === undefined) throw new Error(`sk_alloc: no object type for ${prot}`);
    const obj = h.kcall('sk_prot_alloc', `&${prot}, GFP_KERNEL|__GFP_ZERO`, () =>
      kalloc(h, spec.struct, spec.size, spec.zero),
    );
    const sk = Object.assign(obj, {
      socket: null,
      protoName: prot,
      receiveQueue: [],
      writeQueue: [],
      errorQueue: [],
      acceptQueue: [],
    }) as unknown as Sock;
    kset(h, sk, 'sk_family', family);
    kset(h, sk, 'sk_prot', prot);
    kset(h, sk, 'sk_prot_creator', prot);
    kset(h, sk, 'sk_wmem_alloc', 1);
    return sk;
  });
}

/** sock_init_data sets the generic sock defaults and links sock and sk (net/core/sock.c). */
export function sock_init_data(h: Host, sock: Socket, sk: Sock): void {
  h.kcall('sock_init_data', `sock=${sock.addr}, sk=${sk.addr}`, () => {
    kset(h, sk, 'sk_send_head', null);
    kset(h, sk, 'sk_allocation', 'GFP_KERNEL');
    kset(h, sk, 'sk_rcvbuf', h.sysctl['net.core.rmem_default']);
    kset(h, sk, 'sk_sndbuf', h.sysctl['net.core.wmem_default']);
    kset(h, sk, 'sk_state', TCP_STATE.TCP_CLOSE);
    kset(h, sk, 'sk_flags', 'SOCK_ZAPPED');
    kset(h, sk, 'sk_type', sock.f.type);
    kset(h, sk, 'sk_wq', sock.wait.addr);
    kset(h, sk, 'sk_socket', sock.addr);
    sk.socket = sock;
    sk.uid = sock.uid;
    kset(h, sock, 'sk', sk.addr);
    sock.sk = sk;
    kset(h, sk, 'sk_state_change', 'sock_def_wakeup');
    kset(h, sk, 'sk_data_ready', 'sock_def_readable');
    kset(h, sk, 'sk_write_space', 'sock_def_write_space');
    kset(h, sk, 'sk_error_report', 'sock_def_error_report');
    kset(h, sk, 'sk_destruct', 'sock_def_destruct');
    kset(h, sk, 'sk_rcvlowat', 1);
    kset(h, sk, 'sk_rcvtimeo', MAX_SCHEDULE_TIMEOUT);
    kset(h, sk, 'sk_sndtimeo', MAX_SCHEDULE_TIMEOUT);
    kset(h, sk, 'sk_write_pending', 0);
    if (h.profile.version !== '2.6.32') kset(h, sk, 'sk_peek_off', -1);
    kset(h, sk, 'sk_refcnt', 1);
    kset(h, sk, 'sk_drops', 0);
  });
}

/** sk_free drops the last reference and frees the sock (net/core/sock.c). */
export function sk_free(h: Host, sk: Sock): void {
  h.kcall('sk_free', `sk=${sk.addr}`, () => {
    kset(h, sk, 'sk_refcnt', 0);
    if (sk.socket !== null) {
      kset(h, sk.socket, 'sk', null);
      sk.socket.sk = null;
      sk.socket = null;
    }
    kfree(h, sk);
  });
}

/** sk_common_release unhashes and frees a sock whose creation or life ended (net/core/sock.c). */
export function sk_common_release(h: Host, sk: Sock): void {
  h.kcall('sk_common_release', `sk=${sk.addr}`, () => {
    sk_free(h, sk);
  });
}
