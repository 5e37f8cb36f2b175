// net/ipv4/af_inet.c, listen: inet_listen (sock->ops->listen) accepts only an unconnected
// SOCK_STREAM socket in CLOSE or LISTEN, starts listening and sets the backlog.

import type { Host } from '../../../host/host';
import { kset } from '../../../host/kstruct';
import type { Socket } from '../../../include/linux/net';
import { TCP_STATE } from '../../../include/net/tcp_states';
import { SOCK_STREAM, SS } from '../../../include/uapi/socket';
import { inet_csk_listen_start } from '../inet_connection_sock';

/** inet_listen moves sock to TCP_LISTEN with the given backlog; 0 or -errno. */
export function inet_listen(h: Host, sock: Socket, backlog: number): number {
  return h.kcall('inet_listen', `sock=${sock.addr}, backlog=${backlog} via ${sock.f.ops}.listen`, () => {
    const sk = sock.sk!;
    if (sock.f.state !== SS.SS_UNCONNECTED || sock.f.type !== SOCK_STREAM) {
      return h.kerr('EINVAL', `sock->state ${sock.f.state} is not SS_UNCONNECTED or type is not SOCK_STREAM`);
    }
    const old = sk.f.sk_state;
    if (old !== TCP_STATE.TCP_CLOSE && old !== TCP_STATE.TCP_LISTEN) {
      return h.kerr('EINVAL', `sk_state ${old} is neither TCP_CLOSE nor TCP_LISTEN`);
    }
    if (old !== TCP_STATE.TCP_LISTEN) {
      const err = inet_csk_listen_start(h, sk);
      if (err < 0) return err;
    }
    kset(h, sk, 'sk_max_ack_backlog', backlog);
    return 0;
  });
}
