// ss: socket statistics of the command's host in iproute2's format (`ss -tanp`, `ss -tlnp`,
// `ss -uan`, `-m` skmem, `-i` TCP info, `-o` timers, `-e` uid, inode and sock id), from the simulated
// kernel's socks.
import { TCP_STATE } from '../../kernel/index';
import type { Sock } from '../../kernel/include/net/sock';
import { sock_diag_save_cookie } from '../../kernel/net/core/sock_diag';
import type { Host } from '../../kernel/index';
import type { ShellCommand } from '../command';
import { skmemText, tcpInfoText, timerText } from './ssInfo';
import { renderSs, type SsRow } from './ssTable';
import { SERVICES, hostSockets, ntohs, sockUsers, type SockUser } from './sockets';

/** SS_STATE is ss's name for each TCP state number. */
const SS_STATE: Record<number, string> = {
  [TCP_STATE.TCP_ESTABLISHED]: 'ESTAB',
  [TCP_STATE.TCP_SYN_SENT]: 'SYN-SENT',
  [TCP_STATE.TCP_SYN_RECV]: 'SYN-RECV',
  [TCP_STATE.TCP_FIN_WAIT1]: 'FIN-WAIT-1',
  [TCP_STATE.TCP_FIN_WAIT2]: 'FIN-WAIT-2',
  [TCP_STATE.TCP_TIME_WAIT]: 'TIME-WAIT',
  [TCP_STATE.TCP_CLOSE]: 'UNCONN',
  [TCP_STATE.TCP_CLOSE_WAIT]: 'CLOSE-WAIT',
  [TCP_STATE.TCP_LAST_ACK]: 'LAST-ACK',
  [TCP_STATE.TCP_LISTEN]: 'LISTEN',
  [TCP_STATE.TCP_CLOSING]: 'CLOSING',
};

const OPTIONS = 'tulanpmioeh';
const LONG: Record<string, string> = {
  '--tcp': 't',
  '--udp': 'u',
  '--listening': 'l',
  '--all': 'a',
  '--numeric': 'n',
  '--processes': 'p',
  '--memory': 'm',
  '--info': 'i',
  '--options': 'o',
  '--extended': 'e',
  '--help': 'h',
};

const USAGE = `Usage: ss [ OPTIONS ]
   -h, --help          this message
   -n, --numeric       don't resolve service names
   -a, --all           display all sockets
   -l, --listening     display listening sockets
   -m, --memory        show socket memory usage
   -p, --processes     show process using socket
   -i, --info          show internal TCP information
   -o, --options       show timer information
   -e, --extended      show detailed socket information
   -t, --tcp           display only TCP sockets
   -u, --udp           display only UDP sockets
`;

/** ss lists the sockets of the command's host. */
export const ss: ShellCommand = {
  name: 'ss',
  summary: 'list sockets (ss -tanp, -tlnp, -uan, -m, -i, -o, -e)',
  usage: 'ss [-t] [-u] [-l] [-a] [-n] [-p] [-m] [-i] [-o] [-e]',
  example: 'ss -tanp',
  completesFiles: false,
  run(argv, io) {
    const lab = io.lab;
    if (lab === undefined) {
      io.err('ss: no simulated world in this shell\n');
      return 1;
    }
    const flags = new Set<string>();
    for (const arg of argv.slice(1)) {
      const long = LONG[arg];
      if (long !== undefined) flags.add(long);
      else if (/^-[a-zA-Z]+$/.test(arg)) {
        for (const ch of arg.slice(1)) {
          if (!OPTIONS.includes(ch)) {
            io.err(`ss: invalid option -- '${ch}'\n${USAGE}`);
            return 255;
          }
          flags.add(ch);
        }
      } else {
        io.err(
          `ss: ${arg.startsWith('-') ? `unrecognized option '${arg}'` : `filters ("${arg}") are not supported in SockLab`}\n`,
        );
        return 255;
      }
    }
    if (flags.has('h')) {
      io.out(USAGE);
      return 0;
    }
    const h = lab.session.world.hosts.get(lab.host)!;
    const tcp = flags.has('t') || !flags.has('u');
    const udp = flags.has('u') || !flags.has('t');
    const users = sockUsers(h);
    const rows: SsRow[] = [];
    for (const sk of hostSockets(h)) {
      const isTcp = sk.protoName === 'tcp_prot' || sk.f.sk_protocol === 6;
      const isUdp = sk.protoName === 'udp_prot' || sk.f.sk_protocol === 17;
      if (!((isTcp && tcp) || (isUdp && udp))) continue;
      const state = stateOf(sk, isTcp);
      if (!wanted(state, flags)) continue;
      const more = [
        flags.has('m') ? skmemText(sk) : '',
        flags.has('i') && isTcp && state !== 'LISTEN' && state !== 'TIME-WAIT' ? tcpInfoText(h, sk) : '',
      ].filter((t) => t !== '');
      const base = row(sk, isTcp ? 'tcp' : 'udp', state, users.get(sk) ?? [], flags);
      // As in ss, the timer (-o, also shown by -e), -e's details and the -m/-i detail line are
      // printed into the Process field.
      const timer =
        isTcp && (flags.has('o') || flags.has('e')) ? timerText(sk, h.now, state === 'TIME-WAIT') : '';
      const ext = flags.has('e') ? extendedText(h, sk, state) : '';
      const detail = more.length === 0 ? '' : `\n\t ${more.join(' ')}`;
      rows.push(base.map((field, i) => (i === PROCESS ? field + timer + ext + detail : field)));
    }
    const enabled = [tcp && udp, true, true, true, true, true, true, true, true, false];
    io.out(renderSs(enabled, rows, io.isatty(1) ? io.cols : undefined));
    return 0;
  },
};

/** PROCESS is the index of ss's Process column in an SsRow. */
const PROCESS = 8;

/**
 * extendedText is ss -e's ` uid:U ino:N sk:ID cgroup:/ <->` (sock_details_print and the
 * shutdown mask): uid only when not root; TIME-WAIT and SYN-RECV entries are mini socks with
 * no inode, owner, cgroup or shutdown state; the cgroup id is reported by 6.x only, the
 * shutdown mask from 3.x on. Every simulated task runs in the root cgroup. The uid is the
 * socket inode's owner before 6.x (0 once the sock has no socket) and sk_uid in 6.x, which a
 * child not yet accepted has from its listener.
 */
function extendedText(h: Host, sk: Sock, state: string): string {
  const id = ` sk:${sock_diag_save_cookie(h, sk).toString(16)}`;
  if (state === 'TIME-WAIT' || state === 'SYN-RECV') return ` ino:0${id}`;
  const uid = (h.profile.version === '6.x' ? sk.uid : sk.socket?.uid) ?? 0;
  const shutdown = Number(sk.f.sk_shutdown);
  return [
    uid === 0 ? '' : ` uid:${uid}`,
    ` ino:${sk.socket?.ino ?? 0}`,
    id,
    h.profile.version === '6.x' ? ' cgroup:/' : '',
    h.profile.version === '2.6.32' ? '' : ` ${shutdown & 1 ? '-' : '<'}-${shutdown & 2 ? '-' : '>'}`,
  ].join('');
}

function stateOf(sk: Sock, isTcp: boolean): string {
  const st = sk.f.sk_state;
  if (!isTcp) return st === TCP_STATE.TCP_ESTABLISHED ? 'ESTAB' : 'UNCONN';
  return SS_STATE[st] ?? 'UNKNOWN';
}

/** wanted applies ss's state filter: -l listening only, -a all, else connected (not LISTEN, UNCONN, TIME-WAIT, SYN-RECV). */
function wanted(state: string, flags: ReadonlySet<string>): boolean {
  const listening = state === 'LISTEN' || state === 'UNCONN';
  if (flags.has('a')) return true;
  if (flags.has('l')) return listening;
  return !listening && state !== 'TIME-WAIT' && state !== 'SYN-RECV';
}

function row(sk: Sock, netid: string, state: string, users: SockUser[], flags: ReadonlySet<string>): SsRow {
  const f = sk.f;
  const listen = state === 'LISTEN';
  const num = (name: string) => Number(f[name] ?? 0);
  // A TIME-WAIT entry is an inet_timewait_sock in Linux: it has no queues, so sock_diag reports 0 and 0.
  const queued = (a: string, b: string) => (state === 'TIME-WAIT' ? 0 : Math.max(0, num(a) - num(b)));
  const tcp = netid === 'tcp';
  const recvQ = listen ? num('sk_ack_backlog') : tcp ? queued('rcv_nxt', 'copied_seq') : num('sk_rmem_alloc');
  const sendQ = listen
    ? num('sk_max_ack_backlog')
    : tcp
      ? queued('write_seq', 'snd_una')
      : Math.max(0, num('sk_wmem_alloc') - 1); // sk_wmem_alloc_get: without sk_alloc's bias of 1
  const port = (p: number) =>
    p === 0 ? '*' : !flags.has('n') && SERVICES[p] !== undefined ? SERVICES[p] : String(p);
  const local = String(f.inet_rcv_saddr);
  const peer = String(f.inet_daddr);
  const proc =
    flags.has('p') && users.length > 0
      ? ` users:(${users.map((u) => `("${u.comm}",pid=${u.pid},fd=${u.fd})`).join(',')})`
      : '';
  return [
    netid,
    state,
    String(recvQ),
    String(sendQ),
    `${local}:`,
    port(Number(f.inet_num)),
    `${peer}:`,
    port(ntohs(Number(f.inet_dport))),
    proc,
    undefined,
  ];
}
