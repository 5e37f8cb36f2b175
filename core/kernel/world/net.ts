// A host's network configuration as data and its boot: the net_device structs for lo and
// eth0 (reference §4.10 defaults), the routing tables (local and main), the neighbour table
// and empty netfilter chains. Booting runs with the trace off; the objects appear in
// snapshots from their obj_new events once tracing is on.

import type { Host } from '../host/host';
import { kalloc, type KStruct } from '../host/kstruct';

/** HostNetConfig is one host's eth0 address, prefix and MAC. */
export interface HostNetConfig {
  readonly name: string;
  readonly addr: string;
  readonly prefixLen: number;
  readonly mac: string;
}

/** NET_DEVICE_ZERO is struct net_device's inspected fields, one per line. */
// prettier-ignore
export const NET_DEVICE_ZERO = {
  name: '', // char name[IFNAMSIZ]
  ifindex: 0, // interface index
  mtu: 0, // ETH_DATA_LEN 1500 for Ethernet
  flags: '', // IFF_UP | IFF_LOOPBACK …
  type: 0, // ARPHRD_ETHER 1, ARPHRD_LOOPBACK 772
  hard_header_len: 0, // 14 for Ethernet
  addr_len: 0, // 6
  dev_addr: '', // MAC address
  broadcast: '', // broadcast MAC
  tx_queue_len: 0, // 1000 for Ethernet, 0 for lo
  qdisc: '', // root qdisc kind
  qdisc_qlen: 0, // packets waiting in the root qdisc (what tc -s shows as backlog)
  netdev_ops: '', // loopback_ops / the NIC's ops
  ndo_start_xmit: '', // driver transmit function
};

/** NetDevice is a traced struct net_device. */
export type NetDevice = KStruct<typeof NET_DEVICE_ZERO>;

/** Route is one FIB entry (table local 255 or main 254). */
export interface Route {
  readonly table: number;
  readonly dst: string;
  readonly prefixLen: number;
  readonly type: 'local' | 'unicast' | 'broadcast';
  readonly dev: string;
  readonly src: string;
  readonly gw: string | null;
}

/** HostNet is a host's devices, routes, neighbour table and netfilter chains. */
export interface HostNet {
  readonly devices: Map<string, NetDevice>;
  readonly routes: Route[];
  readonly neighbours: Map<string, KStruct>;
  readonly netfilter: Map<string, unknown[]>;
  /** wire puts a frame onto the segment eth0 is attached to (set by the World), or null when unplugged. */
  wire: ((from: Host, dev: string, bytes: Uint8Array) => void) | null;
  /** txBacklog counts eth0's frames still waiting for the wire (the root qdisc's backlog); set by the World. */
  txBacklog?: () => number;
}

/** bootNet creates a host's lo and eth0, its routes and empty tables. */
export function bootNet(h: Host, cfg: HostNetConfig): void {
  const dev = (f: typeof NET_DEVICE_ZERO): NetDevice => kalloc(h, 'net_device', 2048, f);
  const lo = dev({
    ...NET_DEVICE_ZERO,
    name: 'lo',
    ifindex: 1,
    mtu: h.profile.loMtu,
    flags: 'IFF_UP|IFF_LOOPBACK|IFF_RUNNING',
    type: 772,
    hard_header_len: 14,
    addr_len: 6,
    dev_addr: '00:00:00:00:00:00',
    broadcast: '00:00:00:00:00:00',
    tx_queue_len: 0,
    qdisc: 'noqueue',
    netdev_ops: 'loopback_ops',
    ndo_start_xmit: 'loopback_xmit',
  });
  const eth0 = dev({
    ...NET_DEVICE_ZERO,
    name: 'eth0',
    ifindex: 2,
    mtu: 1500,
    flags: 'IFF_UP|IFF_BROADCAST|IFF_RUNNING|IFF_MULTICAST',
    type: 1,
    hard_header_len: 14,
    addr_len: 6,
    dev_addr: cfg.mac,
    broadcast: 'ff:ff:ff:ff:ff:ff',
    tx_queue_len: 1000,
    qdisc: 'pfifo_fast',
    netdev_ops: 'socklab_eth_ops',
    ndo_start_xmit: 'socklab_eth_xmit',
  });
  const net = h.net;
  net.devices.set('lo', lo);
  net.devices.set('eth0', eth0);
  const netAddr = cfg.addr.split('.').slice(0, 3).join('.') + '.0';
  const bcast = cfg.addr.split('.').slice(0, 3).join('.') + '.255';
  // prettier-ignore
  net.routes.push(
    { table: 255, dst: '127.0.0.0', prefixLen: 8, type: 'local', dev: 'lo', src: '127.0.0.1', gw: null }, // local 127.0.0.0/8 dev lo
    { table: 255, dst: cfg.addr, prefixLen: 32, type: 'local', dev: 'eth0', src: cfg.addr, gw: null }, // local <addr> dev eth0
    { table: 254, dst: netAddr, prefixLen: cfg.prefixLen, type: 'unicast', dev: 'eth0', src: cfg.addr, gw: null }, // <net>/24 dev eth0 scope link
    { table: 255, dst: bcast, prefixLen: 32, type: 'broadcast', dev: 'eth0', src: cfg.addr, gw: null }, // broadcast <net>.255 dev eth0
  );
  for (const chain of ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'])
    net.netfilter.set(chain, []);
}
