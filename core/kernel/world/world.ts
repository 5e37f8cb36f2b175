// The simulated world: one Simulator and one TraceRecorder shared by every host, and the
// default two-host segment (client 10.0.0.1/24, server 10.0.0.2/24, each with lo and eth0)
// with a hosts table for client, server and localhost. Each host boots inet_init and its
// devices, routes and netfilter tables from data in net.ts.

import { Simulator } from '../../sim';
import { TraceRecorder, type TraceLevel } from '../../trace';
import { Host } from '../host/host';
import { ipFromString } from '../include/uapi/in';
import { inet_init } from '../net/ipv4/af_inet';
import { DEFAULT_KERNEL, PROFILES, type KernelVersion } from '../profiles';
import { bootNet, type HostNetConfig } from './net';
import { attachSegment, type LinkOptions } from './link';

/** WorldOptions configure a world: seed, kernel era, trace level and hosts. */
export interface WorldOptions {
  readonly seed?: number;
  readonly kernel?: KernelVersion;
  readonly trace?: TraceLevel;
  readonly hosts?: readonly HostNetConfig[];
  readonly link?: LinkOptions;
}

/** DEFAULT_HOSTS is the default segment: client and server on 10.0.0.0/24, one row per host. */
// prettier-ignore
export const DEFAULT_HOSTS: readonly HostNetConfig[] = [
  { name: 'client', addr: '10.0.0.1', prefixLen: 24, mac: '02:00:00:00:00:01' }, // the student's machine
  { name: 'server', addr: '10.0.0.2', prefixLen: 24, mac: '02:00:00:00:00:02' }, // runs the services
];

/** World is a set of hosts sharing one simulator and one trace. */
export class World {
  /** sim is the world's clock, event queue and generator. */
  readonly sim: Simulator;
  /** trace records every host's events. */
  readonly trace: TraceRecorder;
  /** hosts maps host name to host. */
  readonly hosts = new Map<string, Host>();
  /** hostsTable is /etc/hosts: name → dotted address. */
  readonly hostsTable = new Map<string, string>([['localhost', '127.0.0.1']]);

  /** constructor builds and boots the world's hosts. */
  constructor(opts: WorldOptions = {}) {
    this.sim = new Simulator(opts.seed ?? 1);
    this.trace = new TraceRecorder(opts.trace ?? 'full');
    const profile = PROFILES[opts.kernel ?? DEFAULT_KERNEL];
    const level = this.trace.level;
    this.trace.level = 'off';
    (opts.hosts ?? DEFAULT_HOSTS).forEach((cfg, i) => {
      const h = new Host(cfg.name, i, profile, this.sim, this.trace);
      inet_init(h);
      bootNet(h, cfg);
      this.hosts.set(cfg.name, h);
      this.hostsTable.set(cfg.name, cfg.addr);
    });
    attachSegment(this.sim, [...this.hosts.values()], opts.link);
    this.trace.level = level;
  }

  /** host returns the host named name; it throws when there is none (a caller bug). */
  host(name: string): Host {
    const h = this.hosts.get(name);
    if (h === undefined) throw new Error(`World.host: no host ${name}`);
    return h;
  }

  /** resolve looks a name up in the hosts table, or parses a dotted quad; undefined when unknown. */
  resolve(name: string): number | undefined {
    return ipFromString(this.hostsTable.get(name) ?? name);
  }
}
