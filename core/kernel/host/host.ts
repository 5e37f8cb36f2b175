// One simulated machine's kernel state: its profile, sysctls, address allocator, live
// structs, tasks, and the call stack that kcall() keeps so every traced field change knows
// which kernel function made it. Hosts share the world's Simulator and TraceRecorder.

import type { Simulator } from '../../sim';
import { AddressAllocator, type TraceRecorder } from '../../trace';
import type { KernelProfile } from '../profiles';
import { errno as E, type ErrnoName } from '../include/uapi/errno';
import type { KStruct } from './kstruct';
import { kernelFile as kernelFileOf } from './files';
import type { Task } from '../sched/task';
import type { ProtoswRow } from '../profiles';
import type { Sock } from '../include/net/sock';
import type { HostNet } from '../world/net';
import type { Rtable } from '../include/net/route';

/** ErrOrigin says which kernel function produced an errno and why ("errno explained"). */
export interface ErrOrigin {
  readonly errno: number;
  readonly fn: string;
  readonly why: string;
}

/** Sysctls is a host's mutable sysctl table, initialised from the profile's defaults. */
export type Sysctls = { -readonly [K in keyof KernelProfile['sysctl']]: KernelProfile['sysctl'][K] };

/** Host is one simulated machine's kernel. */
export class Host {
  /** name is the host name (client, server). */
  readonly name: string;
  /** profile is the kernel era this host runs. */
  readonly profile: KernelProfile;
  /** sim is the world's simulator (clock, queue, rng). */
  readonly sim: Simulator;
  /** trace is the world's recorder. */
  readonly trace: TraceRecorder;
  /** addrs hands out this host's kernel-style addresses. */
  readonly addrs: AddressAllocator;
  /** sysctl holds this host's sysctls. */
  readonly sysctl: Sysctls;
  /** live maps every live traced struct's address to it. */
  readonly live = new Map<string, KStruct>();
  /** tasks maps pid to task. */
  readonly tasks = new Map<number, Task>();
  /** inetsw is inetsw[type]: the registered protosw entries per socket type, in list order. */
  readonly inetsw = new Map<number, ProtoswRow[]>();
  /** netFamilies is net_families[]: the registered family create functions by family number. */
  readonly netFamilies = new Map<number, string>();
  /** net holds the host's devices, routes, neighbours and netfilter chains. */
  readonly net: HostNet = {
    devices: new Map(),
    routes: [],
    neighbours: new Map(),
    netfilter: new Map(),
    wire: null,
  };
  /** bindTables holds the bound ports per protocol (inet_hashtables.ts). */
  readonly bindTables = new Map<number, Map<number, Sock[]>>();
  /** established is the established hash: "laddr:lport-raddr:rport" → sock. */
  readonly established = new Map<string, Sock>();
  /** synTable holds the children of passive opens waiting for the handshake's final ACK (the request socks). */
  readonly synTable = new Map<string, Sock>();
  /** listeners is the listening hash (inet_hash on TCP_LISTEN socks). */
  readonly listeners: Sock[] = [];
  /** routeCache is 2.6.32's rt_hash_table: destination → cached rtable (unused from 3.10 on). */
  readonly routeCache = new Map<string, Rtable>();
  /** tcpTimewaitNs overrides TIME_WAIT's length (TCP_TIMEWAIT_LEN, 60 s) when set, the configurable timeout. */
  tcpTimewaitNs: number | null = null;
  /** rawSockets is the raw socket hash (raw_v4_hashinfo), in insertion order. */
  readonly rawSockets: Sock[] = [];
  /** ehashSecretBuilt records whether build_ehash_secret already ran. */
  ehashSecretBuilt = false;
  /** stack is the kernel call stack of the running syscall (function names). */
  readonly stack: string[] = [];
  /** lastErr is the origin of the most recent errno produced with kerr, for syscall_exit. */
  lastErr: ErrOrigin | null = null;
  /** onWake is called when a sleeping task becomes runnable (set by the scheduler). */
  onWake: (task: Task) => void = () => {};
  /** klog is the kernel log ring (what dmesg shows): printk lines such as netfilter LOG's, oldest first. */
  readonly klog: string[] = [];
  /** onSignal is called when kernel code sends a signal to a task (SIGPIPE from sk_stream_error); set by the scheduler. */
  onSignal: (task: Task, sig: number) => void = () => {};
  #nextPid = 100;

  /** constructor creates host number index named name running profile. */
  constructor(name: string, index: number, profile: KernelProfile, sim: Simulator, trace: TraceRecorder) {
    this.name = name;
    this.profile = profile;
    this.sim = sim;
    this.trace = trace;
    this.addrs = new AddressAllocator(index);
    this.sysctl = { ...profile.sysctl } as Sysctls;
  }

  /** now is the simulated time in ns. */
  get now(): number {
    return this.sim.now;
  }

  /** current is the kernel function on top of the call stack ('' outside any call). */
  current(): string {
    return this.stack.at(-1) ?? '';
  }

  /** fieldName returns the era's spelling of a field key (2.6.32's num for inet_num …). */
  fieldName(key: string): string {
    return this.profile.fieldNames[key] ?? key;
  }

  /** allocPid returns the next free pid. */
  allocPid(): number {
    return this.#nextPid++;
  }

  /** kcall runs body as kernel function fn, tracing call and return around it. */
  kcall<T>(fn: string, args: string, body: () => T, file = ''): T {
    const depth = this.stack.length;
    if (this.trace.wants('call')) {
      this.trace.record('call', this.now, this.name, { fn, file: file || kernelFileOf(fn), depth, args });
    }
    this.stack.push(fn);
    let r: T;
    try {
      r = body();
    } finally {
      this.stack.pop();
    }
    if (this.trace.wants('ret'))
      this.trace.record('ret', this.now, this.name, { fn, depth, ret: retValue(r) });
    return r;
  }

  /** kerr records that the current kernel function produced errno name because of why, and returns -errno. */
  kerr(name: ErrnoName, why: string): number {
    const v = E[name];
    this.lastErr = { errno: v, fn: this.current(), why };
    return -v;
  }
}

/** retValue renders a kernel function's return for the trace: numbers as-is, objects by address, a sleep (Block) by the wait queue it sleeps on. */
function retValue(r: unknown): number | string | null {
  if (typeof r === 'number') return r;
  if (r === null) return null;
  if (r === undefined) return 'void';
  if (typeof r === 'object' && 'addr' in r) return String((r as { addr: unknown }).addr);
  if (typeof r === 'object' && 'block' in r && 'timeoutNs' in r)
    return `sleeps on ${String((r as { block: { addr: unknown } }).block.addr)}`;
  if (typeof r === 'boolean') return r ? 1 : 0;
  return String(r);
}
