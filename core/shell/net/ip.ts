// ip (iproute2) over the command's simulated host: `ip addr`, `ip link` (show; set DEV mtu N |
// txqueuelen N), `ip route` (show; get ADDR; add | del | replace ROUTE), `ip neigh` (show;
// flush dev DEV | all), with
// iproute2's output and error texts. Changing the host needs root (sudo), as on Linux.
import type { Host } from '../../kernel/index';
import type { RouteSpec } from '../../kernel/index';
import {
  dev_change_tx_queue_len,
  dev_set_mtu,
  fib_lookup,
  inet_rtm_delroute,
  inet_rtm_newroute,
  ipFromString,
  isFibRoute,
  mainTable,
  neigh_flush,
  neighShow,
} from '../../kernel/index';
import type { CommandIo, ShellCommand } from '../command';

type IpResult = number;

const FLAG_ORDER: readonly [string, string][] = [
  ['IFF_LOOPBACK', 'LOOPBACK'],
  ['IFF_BROADCAST', 'BROADCAST'],
  ['IFF_MULTICAST', 'MULTICAST'],
  ['IFF_UP', 'UP'],
];

/** linkLine is a device's first line as `ip link` / `ip addr` print it. */
function linkLines(h: Host, name: string, mode: boolean): string[] {
  const d = h.net.devices.get(name)!;
  const f = d.f;
  const flags = FLAG_ORDER.filter(([k]) => f.flags.includes(k)).map(([, v]) => v);
  if (f.flags.includes('IFF_UP') && f.flags.includes('IFF_RUNNING')) flags.push('LOWER_UP');
  const state = name === 'lo' ? 'UNKNOWN' : f.flags.includes('IFF_UP') ? 'UP' : 'DOWN';
  const qlen = f.tx_queue_len > 0 ? ` qlen ${f.tx_queue_len}` : '';
  const kind = f.type === 772 ? 'loopback' : 'ether';
  return [
    `${f.ifindex}: ${name}: <${flags.join(',')}> mtu ${f.mtu} qdisc ${f.qdisc} state ${state}${mode ? ' mode DEFAULT' : ''} group default${qlen} `.trimEnd(),
    `    link/${kind} ${f.dev_addr} brd ${f.broadcast}`,
  ];
}

/** trailingOnes counts the host bits set in a broadcast address (8 for 10.0.0.255). */
function trailingOnes(a: number): number {
  let n = 0;
  while (n < 32 && ((a >>> n) & 1) === 1) n++;
  return n;
}

/** addrLines are a device's `inet` lines, from its local and broadcast routes. */
function addrLines(h: Host, name: string): string[] {
  const out: string[] = [];
  for (const r of h.net.routes) {
    if (
      r.table !== 255 ||
      r.type !== 'local' ||
      (r.dev !== name && !(name === 'lo' && r.dst === '127.0.0.0'))
    )
      continue;
    if (name === 'lo' && r.dst !== '127.0.0.0') continue;
    if (name === 'lo') out.push(`    inet 127.0.0.1/${r.prefixLen} scope host lo`);
    else {
      // The prefix comes from the address's broadcast route (table local), which `ip route del`
      // of the subnet route (table main) leaves in place, as the address itself stays.
      const bcast = h.net.routes.find((s) => s.type === 'broadcast' && s.dev === name && s.src === r.dst);
      const len = bcast === undefined ? 32 : 32 - trailingOnes(ipFromString(bcast.dst) ?? 0);
      out.push(`    inet ${r.dst}/${len}${bcast ? ` brd ${bcast.dst}` : ''} scope global ${name}`);
    }
    out.push('       valid_lft forever preferred_lft forever');
  }
  return out;
}

function devices(h: Host): string[] {
  return [...h.net.devices.values()].sort((a, b) => a.f.ifindex - b.f.ifindex).map((d) => d.f.name);
}

function showDevices(io: CommandIo, h: Host, args: string[], addr: boolean): IpResult {
  const rest = args[0] === 'show' || args[0] === 'list' || args[0] === 'ls' ? args.slice(1) : args;
  if (rest[0] === 'dev') rest.shift();
  if (rest.length > 1) return fail(io, `Error: either "dev" is duplicate, or "${rest[1]}" is a garbage.`);
  const only = rest[0];
  if (only !== undefined && !h.net.devices.has(only)) return fail(io, `Device "${only}" does not exist.`);
  for (const name of devices(h)) {
    if (only !== undefined && name !== only) continue;
    io.out([...linkLines(h, name, !addr), ...(addr ? addrLines(h, name) : [])].join('\n') + '\n');
  }
  return 0;
}

function fail(io: CommandIo, text: string, status = 1): IpResult {
  io.err(text + '\n');
  return status;
}

const DENIED = 'RTNETLINK answers: Operation not permitted';

function linkSet(io: CommandIo, h: Host, args: string[], root: boolean): IpResult {
  const a = args[0] === 'dev' ? args.slice(1) : args;
  const dev = a[0];
  if (dev === undefined) return fail(io, 'Not enough information: "dev" argument is required.', 255);
  if (!h.net.devices.has(dev)) return fail(io, `Cannot find device "${dev}"`);
  if (a.length < 3 || a.length % 2 === 0)
    return fail(io, 'Usage: ip link set DEVICE { mtu MTU | txqueuelen PACKETS }', 255);
  for (let i = 1; i < a.length; i += 2) {
    const [key, value] = [a[i]!, a[i + 1]!];
    if (key !== 'mtu' && key !== 'txqueuelen' && key !== 'txqlen')
      return fail(
        io,
        `Error: argument "${key}" is wrong: unknown or unsupported in SockLab (mtu, txqueuelen)`,
        255,
      );
    if (!/^\d+$/.test(value))
      return fail(io, `Error: argument "${value}" is wrong: Invalid "${key}" value`, 255);
    if (!root) return fail(io, DENIED, 2);
    const err =
      key === 'mtu' ? dev_set_mtu(h, dev, Number(value)) : dev_change_tx_queue_len(h, dev, Number(value));
    if (err !== null) return fail(io, err, 2);
  }
  return 0;
}

function routeShow(io: CommandIo, h: Host): IpResult {
  for (const r of mainTable(h)) {
    const dst = r.prefixLen === 0 ? 'default' : r.prefixLen === 32 ? r.dst : `${r.dst}/${r.prefixLen}`;
    if (!isFibRoute(r))
      io.out(
        r.gw === null
          ? `${dst} dev ${r.dev} proto kernel scope link src ${r.src} \n`
          : `${dst} via ${r.gw} dev ${r.dev} \n`,
      );
    else {
      const via = r.gw === null ? '' : ` via ${r.gw}`;
      const scope = r.gw === null ? ' scope link' : '';
      const src = r.prefsrc === null ? '' : ` src ${r.prefsrc}`;
      const metric = r.metric === 0 ? '' : ` metric ${r.metric}`;
      io.out(`${dst}${via} dev ${r.dev}${scope}${src}${metric} \n`);
    }
  }
  return 0;
}

function routeGet(io: CommandIo, h: Host, target: string | undefined, uid: number): IpResult {
  if (target === undefined) return fail(io, 'need at least a destination address', 255);
  const addr = ipFromString(target);
  if (addr === undefined) return fail(io, `Error: any valid prefix is expected rather than "${target}".`);
  const r = fib_lookup(h, addr);
  if (r === null) return fail(io, 'RTNETLINK answers: Network is unreachable', 2);
  if (r.type === 'local')
    io.out(`local ${target} dev lo table local src ${r.src} uid ${uid} \n    cache <local> \n`);
  else if (r.type === 'broadcast')
    io.out(`broadcast ${target} dev ${r.dev} src ${r.src} uid ${uid} \n    cache <local,brd> \n`);
  else
    io.out(
      `${target} ${r.gw === null ? '' : `via ${r.gw} `}dev ${r.dev} src ${r.src} uid ${uid} \n    cache \n`,
    );
  return 0;
}

/** ROUTE_USAGE is the part of iproute2's `ip route help` that SockLab implements. */
const ROUTE_USAGE = [
  'Usage: ip route [ list ]',
  '       ip route get ADDRESS',
  '       ip route { add | del | replace } ROUTE',
  'ROUTE := PREFIX [ via ADDRESS ] [ dev STRING ] [ src ADDRESS ] [ metric METRIC ]',
  'PREFIX := { default | ADDRESS[/LEN] }',
].join('\n');

/** parseRoute reads iproute2's ROUTE words into a RouteSpec, or returns [error text, exit status]. */
function parseRoute(h: Host, words: string[]): RouteSpec | [string, number] {
  let dst: [string, number] | null = null;
  const spec = { gw: null as string | null, dev: null as string | null, prefsrc: null as string | null };
  let metric: number | null = null;
  const inet = (w: string | undefined): string | [string, number] =>
    w !== undefined && ipFromString(w) !== undefined
      ? w
      : [`Error: inet address is expected rather than "${w ?? ''}".`, 1];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const value = words[i + 1];
    if (['via', 'dev', 'oif', 'src', 'metric', 'priority', 'preference'].includes(w) && value === undefined)
      return ['Command line is not complete. Try option "help"', 255];
    if (w === 'via' || w === 'src') {
      const a = inet(value);
      if (typeof a !== 'string') return a;
      if (w === 'via') spec.gw = a;
      else spec.prefsrc = a;
      i++;
    } else if (w === 'dev' || w === 'oif') {
      if (!h.net.devices.has(value!)) return [`Cannot find device "${value}"`, 1];
      spec.dev = value!;
      i++;
    } else if (w === 'metric' || w === 'priority' || w === 'preference') {
      if (!/^\d+$/.test(value!) || Number(value) > 0xffffffff)
        return [`Error: argument "${value}" is wrong: "metric" value is invalid\n`, 255];
      metric = Number(value);
      i++;
    } else if (dst !== null) return [`Error: either "to" is duplicate, or "${w}" is a garbage.`, 255];
    else {
      const p = w === 'to' ? value : w;
      if (w === 'to') i++;
      const m = /^(\d+\.\d+\.\d+\.\d+)(?:\/(\d+))?$/.exec(p ?? '');
      if (p === 'default' || p === 'all' || p === '0/0') dst = ['0.0.0.0', 0];
      else if (m === null || ipFromString(m[1]!) === undefined || Number(m[2] ?? 32) > 32)
        return [`Error: any valid prefix is expected rather than "${p ?? ''}".`, 1];
      else dst = [m[1]!, Number(m[2] ?? 32)];
    }
  }
  if (dst === null) return [ROUTE_USAGE, 255];
  return { dst: dst[0], prefixLen: dst[1], ...spec, metric };
}

function routeChange(io: CommandIo, h: Host, verb: string, words: string[], root: boolean): IpResult {
  const spec = parseRoute(h, words);
  if (Array.isArray(spec)) return fail(io, spec[0], spec[1]);
  if (!root) return fail(io, DENIED, 2);
  const err =
    verb === 'del' || verb === 'delete'
      ? inet_rtm_delroute(h, spec)
      : inet_rtm_newroute(h, spec, verb === 'replace');
  return err === null ? 0 : fail(io, err, 2);
}

function neigh(io: CommandIo, h: Host, args: string[], root: boolean): IpResult {
  const [verb = 'show', ...rest] = args;
  if (verb === 'show' || verb === 'list' || verb === 'ls') {
    const dev = rest[0] === 'dev' ? rest[1] : undefined;
    if (dev !== undefined && !h.net.devices.has(dev)) return fail(io, `Cannot find device "${dev}"`);
    for (const line of neighShow(h, dev)) io.out(line + ' \n');
    return 0;
  }
  if (verb === 'flush') {
    const dev = rest[0] === 'dev' ? rest[1] : rest[0] === 'all' ? undefined : '';
    if (dev === '') return fail(io, 'Flush requires arguments.', 255);
    if (dev !== undefined && !h.net.devices.has(dev)) return fail(io, `Cannot find device "${dev}"`);
    if (!root) return fail(io, 'Failed to send flush request: Operation not permitted', 255);
    neigh_flush(h, dev);
    return 0;
  }
  return fail(io, `Command "${verb}" is unknown, try "ip neigh help".`, 255);
}

/** OBJECTS maps each object (with the prefixes iproute2 accepts) to its handler. */
const OBJECTS: readonly [RegExp, string][] = [
  [/^a(d(d(r(e(s(s)?)?)?)?)?)?$/, 'addr'],
  [/^l(i(n(k)?)?)?$/, 'link'],
  [/^r(o(u(t(e)?)?)?)?$/, 'route'],
  [/^n(e(i(g(h(b(o(u?r)?)?)?)?)?)?)?$/, 'neigh'],
];

/** ip shows and changes the command's host's devices, addresses, routes and neighbours. */
export const ip: ShellCommand = {
  name: 'ip',
  summary: 'show/change devices, addresses, routes, neighbours (ip addr, ip route, ip neigh)',
  usage:
    'ip { addr | link [set DEV mtu N] | route [get ADDR | add|del|replace ROUTE] | neigh [flush dev DEV] }',
  example: 'ip route get 10.0.0.2',
  completesFiles: false,
  run(argv, io) {
    const lab = io.lab;
    if (lab === undefined) return fail(io, 'ip: no simulated world in this shell');
    const h = lab.session.world.hosts.get(lab.host)!;
    const [word, ...args] = argv.slice(1);
    if (word === undefined || word === 'help')
      return fail(
        io,
        'Usage: ip OBJECT { COMMAND | help }\nwhere  OBJECT := { link | address | route | neigh }',
        255,
      );
    const object = OBJECTS.find(([re]) => re.test(word))?.[1];
    if (object === undefined) return fail(io, `Object "${word}" is unknown, try "ip help".`, 255);
    if (object === 'addr') return showDevices(io, h, args, true);
    if (object === 'link')
      return args[0] === 'set' ? linkSet(io, h, args.slice(1), lab.root) : showDevices(io, h, args, false);
    if (object === 'neigh') return neigh(io, h, args, lab.root);
    const [verb = 'show', target] = args;
    if (verb === 'show' || verb === 'list' || verb === 'ls') return routeShow(io, h);
    if (verb === 'get') return routeGet(io, h, target, lab.root ? 0 : 1000);
    if (['add', 'del', 'delete', 'replace'].includes(verb))
      return routeChange(io, h, verb, args.slice(1), lab.root);
    if (verb === 'help') return fail(io, ROUTE_USAGE, 255);
    return fail(io, `Command "${verb}" is unknown, try "ip route help".`, 255);
  },
};

/** arp prints the neighbour table as net-tools' `arp -n` does. */
export const arp: ShellCommand = {
  name: 'arp',
  summary: 'show the ARP (neighbour) table: arp -n',
  usage: 'arp -n',
  example: 'arp -n',
  completesFiles: false,
  run(argv, io) {
    const lab = io.lab;
    if (lab === undefined) return fail(io, 'arp: no simulated world in this shell');
    const bad = argv.slice(1).find((a) => a !== '-n' && a !== '-a');
    if (bad !== undefined) return fail(io, `arp: invalid option -- '${bad.replace(/^-/, '')}'`, 255);
    const h = lab.session.world.hosts.get(lab.host)!;
    const row = (a: string, t: string, hw: string, fl: string, mask: string, dev: string) =>
      `${a.padEnd(25)}${t.padEnd(8)}${hw.padEnd(20)}${fl.padEnd(6)}${mask.padEnd(16)}${dev}\n`;
    const lines = neighShow(h);
    if (lines.length === 0) return 0;
    io.out(row('Address', 'HWtype', 'HWaddress', 'Flags', 'Mask', 'Iface'));
    for (const line of lines) {
      const m = /^(\S+) dev (\S+)(?: lladdr (\S+))? (\S+)$/.exec(line);
      if (m === null) continue;
      const [, addr, dev, ll, state] = m;
      if (ll === undefined || state === 'FAILED') io.out(row(addr!, '', '(incomplete)', '', '', dev!));
      else io.out(row(addr!, 'ether', ll, 'C', '', dev!));
    }
    return 0;
  },
};
