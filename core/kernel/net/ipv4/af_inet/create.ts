// net/ipv4/af_inet.c, creation: inet_init's registrations (inet_register_protosw, sock_register) and
// inet_create, the PF_INET create function: the inetsw[type] walk with its exact-match and
// two wildcard cases, module retries, the permission check of the era, sk_alloc,
// sock_init_data, the inet defaults and sk_prot->init (reference §1.2–1.4).

import type { Host } from '../../../host/host';
import { kset } from '../../../host/kstruct';
import type { Socket } from '../../../include/linux/net';
import { IP_PMTUDISC_DONT, IP_PMTUDISC_WANT } from '../../../include/net/inet_sock';
import { IPPROTO } from '../../../include/uapi/in';
import { PF_INET, SOCK_DGRAM, SOCK_RAW, SS } from '../../../include/uapi/socket';
import type { ProtoswRow } from '../../../profiles';
import {
  CAP_NET_RAW,
  INET_PROTOSW_ICSK,
  INET_PROTOSW_PERMANENT,
  INET_PROTOSW_REUSE,
} from '../../../profiles/common';
import { capable, type Task } from '../../../sched/task';
import { sk_alloc, sk_common_release, sock_init_data } from '../../core/sock';
import { proto_init } from '../tcp_init';

/** inet_register_protosw adds an entry after the last permanent one of its type, refusing to override a permanent protocol. */
export function inet_register_protosw(h: Host, p: ProtoswRow): boolean {
  const list = h.inetsw.get(p.type) ?? [];
  let at = 0;
  for (let i = 0; i < list.length; i++) {
    const e = list[i]!;
    if (p.protocol === e.protocol && (e.flags & INET_PROTOSW_PERMANENT) !== 0) return false;
    if ((e.flags & INET_PROTOSW_PERMANENT) !== 0) at = i + 1;
  }
  list.splice(at, 0, p);
  h.inetsw.set(p.type, list);
  return true;
}

/** inet_init registers PF_INET and every inetsw_array entry of the host's profile. */
export function inet_init(h: Host): void {
  h.netFamilies.set(PF_INET, 'inet_create');
  for (const p of h.profile.inetsw) inet_register_protosw(h, p);
}

/** lookup walks inetsw[type] as inet_create does; it returns the entry and the (maybe rewritten) protocol, or an errno. */
function lookup(
  h: Host,
  type: number,
  protocol: number,
): { answer: ProtoswRow; protocol: number } | { err: number; why: string } {
  let err = -1;
  for (const answer of h.inetsw.get(type) ?? []) {
    if (protocol === answer.protocol) {
      if (protocol !== IPPROTO.IPPROTO_IP) return { answer, protocol };
    } else {
      if (protocol === IPPROTO.IPPROTO_IP) return { answer, protocol: answer.protocol };
      if (answer.protocol === IPPROTO.IPPROTO_IP) return { answer, protocol };
    }
    err = -2;
  }
  return err === -1
    ? { err: -1, why: `inetsw[${type}] is empty` }
    : { err: -2, why: `no inetsw[${type}] entry matches protocol ${protocol}` };
}

/** inet_create creates the PF_INET sock for sock (net_families[PF_INET]->create). */
export function inet_create(h: Host, task: Task, sock: Socket, protocolIn: number, kern: number): number {
  const p = h.profile.inetCreate;
  const args = `net, sock=${sock.addr}, protocol=${protocolIn}${p.pfCreateArgs === 4 ? `, kern=${kern}` : ''} via net_families[PF_INET]->create`;
  return h.kcall('inet_create', args, () => {
    let protocol = protocolIn;
    const type = sock.f.type;
    if (p.buildEhashSecret && !h.ehashSecretBuilt && type !== SOCK_RAW && type !== SOCK_DGRAM) {
      h.kcall('build_ehash_secret', '', () => {
        h.ehashSecretBuilt = true;
      });
    }
    if (p.protocolRangeCheck && (protocol < 0 || protocol >= h.profile.IPPROTO_MAX)) {
      return h.kerr(
        'EINVAL',
        `protocol ${protocol} is outside 0..IPPROTO_MAX-1 (${h.profile.IPPROTO_MAX - 1})`,
      );
    }
    kset(h, sock, 'state', SS.SS_UNCONNECTED);
    let found = lookup(h, type, protocol);
    for (let attempt = 0; 'err' in found && attempt < 2; attempt++) {
      const mod =
        attempt === 0
          ? `net-pf-${PF_INET}-proto-${protocol}-type-${type}`
          : `net-pf-${PF_INET}-proto-${protocol}`;
      h.kcall('request_module', `"${mod}"`, () => undefined, 'kernel/kmod.c');
      found = lookup(h, type, protocol);
    }
    if ('err' in found) return h.kerr(found.err === -1 ? 'ESOCKTNOSUPPORT' : 'EPROTONOSUPPORT', found.why);
    const { answer } = found;
    protocol = found.protocol;
    if (p.rawPermission === 'answer_capability') {
      if ((answer.capability ?? -1) > 0 && !capable(task, answer.capability!)) {
        return h.kerr('EPERM', `uid ${task.uid} lacks CAP_NET_RAW (answer->capability) for ${answer.prot}`);
      }
    } else if (type === SOCK_RAW && kern === 0 && !capable(task, CAP_NET_RAW)) {
      return h.kerr('EPERM', `uid ${task.uid} lacks CAP_NET_RAW (ns_capable) for SOCK_RAW`);
    }
    kset(h, sock, 'ops', answer.ops);
    const sk = sk_alloc(h, PF_INET, answer.prot);
    if (answer.no_check !== undefined) kset(h, sk, 'sk_no_check', answer.no_check);
    if ((answer.flags & INET_PROTOSW_REUSE) !== 0) kset(h, sk, 'sk_reuse', 1);
    kset(h, sk, 'is_icsk', (answer.flags & INET_PROTOSW_ICSK) !== 0 ? 1 : 0);
    if (type === SOCK_RAW) {
      kset(h, sk, 'inet_num', protocol);
      if (protocol === IPPROTO.IPPROTO_RAW) kset(h, sk, 'hdrincl', 1);
    }
    kset(h, sk, 'pmtudisc', h.sysctl['net.ipv4.ip_no_pmtu_disc'] !== 0 ? IP_PMTUDISC_DONT : IP_PMTUDISC_WANT);
    kset(h, sk, 'inet_id', 0);
    sock_init_data(h, sock, sk);
    kset(h, sk, 'sk_destruct', 'inet_sock_destruct');
    kset(h, sk, 'sk_protocol', protocol);
    kset(h, sk, 'sk_backlog_rcv', h.profile.protos[answer.prot]?.['backlog_rcv'] ?? null);
    kset(h, sk, 'uc_ttl', -1);
    kset(h, sk, 'mc_loop', 1);
    kset(h, sk, 'mc_ttl', 1);
    kset(h, sk, 'mc_all', 1);
    kset(h, sk, 'mc_index', 0);
    if (sk.f.inet_num !== 0) {
      kset(h, sk, 'inet_sport', htons(sk.f.inet_num));
      const hash = h.profile.protos[answer.prot]?.['hash'];
      if (hash) h.kcall(hash, `sk=${sk.addr} via ${answer.prot}.hash`, () => h.rawSockets.push(sk));
    }
    if ((h.profile.protoInitChain[answer.prot] ?? []).length > 0) {
      const err = proto_init(h, task, sk);
      if (err < 0) {
        sk_common_release(h, sk);
        return err;
      }
    }
    return 0;
  });
}

/** htons swaps a 16-bit value to network order as x86 memory holds it. */
export function htons(v: number): number {
  return ((v & 0xff) << 8) | ((v >>> 8) & 0xff);
}
