// Every lab view of one World in one object: it keeps the trace index and the snapshot index
// up to date and answers the view requests with plain data. Structs created while the world
// booted with tracing off (the net_devices) come from the hosts' live tables, so the inspector
// can follow a route down to its device.

import type { KernelVersion, World } from '../kernel/index';
import { CHECKPOINT_EVERY, SnapshotIndex, type Snapshot } from '../trace/index';
import {
  diffPaths,
  replay,
  replayPlan,
  unavailable,
  type CompareUnavailable,
  type PathCompare,
} from './compare';
import { fieldNote, type FieldHistory } from './history';
import { inspectorView, type InspectorView, type OpsTableData } from './inspector';
import { exportCapture, frameDetail, packetPage, type FrameDetail, type PacketPage } from './packets';
import { pathView, type PathView } from './transmitPath';
import { chartSeries, timelineView, type ChartSeries, type TimelineView } from './timeline';
import { TraceIndex } from './traceIndex';

/** WorldViews answers view queries about one world's trace. */
export class WorldViews {
  readonly world: World;
  readonly #index: TraceIndex;
  readonly #snaps: SnapshotIndex;
  readonly #tables = new Map<string, Record<string, OpsTableData>>();
  readonly #compared = new Map<string, PathCompare | CompareUnavailable>();
  #warmedTo = 0;

  /** constructor indexes the world's trace lazily, on the first query. */
  constructor(world: World) {
    this.world = world;
    this.#index = new TraceIndex(world.trace);
    this.#snaps = new SnapshotIndex(world.trace);
  }

  /** length is the number of events in the trace. */
  get length(): number {
    return this.world.trace.length;
  }

  /** clampSeq turns a requested seq (or undefined for "latest") into a seq of the trace. */
  clampSeq(seq: number | undefined): number {
    const last = this.world.trace.length - 1;
    return seq === undefined ? last : Math.max(-1, Math.min(seq, last));
  }

  /** inspector returns every live socket's struct tree as of seq. */
  inspector(seq?: number): InspectorView {
    const at = this.#update(seq);
    return inspectorView({
      index: this.#index,
      snapshot: this.#snapshot(at),
      seq: at,
      tables: this.#tablesOf(),
    });
  }

  /** history returns a field's meaning and its changes up to seq, newest first. */
  history(host: string, obj: string, field: string, seq?: number): FieldHistory {
    return fieldNote(this.#index, host, obj, field, this.#update(seq));
  }

  /** path returns the path of the system call at seq. */
  path(seq?: number): PathView {
    return pathView(this.#index, this.#update(seq));
  }

  /** compare replays the system call at seq under kernel (see compare.ts) and diffs its path against the session's, or says why it cannot. */
  compare(kernel: KernelVersion, seq?: number): PathCompare | CompareUnavailable {
    const here = this.path(seq);
    const mark = here.syscall;
    if (!mark) return unavailable('no system call has run yet', '还没有运行过系统调用');
    const version = this.world.hosts.get(mark.host)?.profile.version;
    if (!version) return unavailable(`there is no host ${mark.host}`, `没有主机 ${mark.host}`);
    if (version === kernel)
      return unavailable(
        `this session already runs ${kernel}: pick another version`,
        `本会话运行的就是 ${kernel}：请选择另一个版本`,
      );
    const key = `${mark.seq}/${mark.endSeq}/${kernel}`;
    const cached = this.#compared.get(key);
    if (cached) return cached;
    const plan = replayPlan(mark, here, this.#nonagle(mark.host, mark.pid, mark.args, mark.seq));
    const result =
      'unavailable' in plan
        ? plan
        : (() => {
            const other = replay(kernel, plan);
            return {
              here: version,
              there: kernel,
              ...other,
              diff: diffPaths({ kernel: version, rows: here.rows }, { kernel, rows: other.path.rows }),
            };
          })();
    this.#compared.set(key, result);
    return result;
  }

  /** packets returns a page of the frames sent up to seq. */
  packets(from: number, count: number, seq?: number): PacketPage {
    return packetPage(this.#index, this.#update(seq), from, count);
  }

  /** frame returns frame number no (from 1) in detail. */
  frame(no: number): FrameDetail | undefined {
    this.#update(undefined);
    return frameDetail(this.#index, no);
  }

  /** capture encodes the frames sent up to seq as pcap or pcapng. */
  capture(format: 'pcap' | 'pcapng', seq?: number): Uint8Array {
    return exportCapture(this.#index, this.#update(seq), format);
  }

  /** timeline returns the scrubber's extent and markers. */
  timeline(): TimelineView {
    this.#update(undefined);
    const hosts = [...this.world.hosts.values()].map((h) => ({
      name: h.name,
      addr: this.world.hostsTable.get(h.name) ?? '',
      mac: String(h.net.devices.get('eth0')?.f.dev_addr ?? ''),
      kernel: h.profile.version,
    }));
    return timelineView(this.#index, hosts);
  }

  /** chart returns the TCP chart of a tcp_sock, by default the one that sent the most. */
  chart(host?: string, obj?: string): ChartSeries | undefined {
    this.#update(undefined);
    const pick = host !== undefined && obj !== undefined ? { host, obj } : this.#index.busiest('snd_nxt');
    return pick ? chartSeries(this.#index, pick.host, pick.obj) : undefined;
  }

  #update(seq: number | undefined): number {
    this.#index.update();
    const length = this.world.trace.length;
    if (length - this.#warmedTo >= CHECKPOINT_EVERY) {
      this.#snaps.at(length - 1); // lays the snapshot checkpoints now, so scrubbing replays at most CHECKPOINT_EVERY events
      this.#warmedTo = length;
    }
    return this.clampSeq(seq);
  }

  /** #nonagle reads tcp_sock.nonagle of the socket behind the call's fd (its first argument) as of seq, 0 when there is none. */
  #nonagle(host: string, pid: number, args: string, seq: number): number {
    const fd = Number(/^\d+/.exec(args)?.[0] ?? -1);
    const snap = this.#snaps.at(seq);
    for (const s of snap.values()) {
      if (s.struct !== 'socket' || s.host !== host) continue;
      const origin = this.#index.sockets.get(`${host}/${s.obj}`);
      if (origin?.pid !== pid || origin.fd !== fd) continue;
      return Number(snap.get(`${host}/${String(s.fields.sk)}`)?.fields.nonagle ?? 0);
    }
    return 0;
  }

  #snapshot(seq: number): Snapshot {
    const snap = this.#snaps.at(seq);
    for (const h of this.world.hosts.values()) {
      for (const dev of h.net.devices.values()) {
        const key = `${h.name}/${dev.addr}`;
        if (!snap.has(key))
          snap.set(key, { obj: dev.addr, struct: dev.struct, host: h.name, fields: { ...dev.f } });
      }
    }
    return snap;
  }

  #tablesOf(): Record<string, OpsTableData> {
    const profile = this.world.hosts.values().next().value?.profile;
    if (!profile) return {};
    const cached = this.#tables.get(profile.version);
    if (cached) return cached;
    const tables: Record<string, OpsTableData> = {};
    for (const [name, members] of Object.entries(profile.protoOps))
      tables[name] = { struct: 'proto_ops', members };
    for (const [name, members] of Object.entries(profile.protos)) tables[name] = { struct: 'proto', members };
    tables.ipv4_specific = { struct: 'inet_connection_sock_af_ops', members: profile.ipv4_specific };
    this.#tables.set(profile.version, tables);
    return tables;
  }
}
