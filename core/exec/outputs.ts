// What a finished run leaves behind for `socklab run --trace/--pcap`: the world's trace as JSON
// Lines (seq, t_ns, host, kind, then the event's fields; calls carry fn, file and depth) and
// every frame put on a wire as a pcap file, plus the kernel versions a run may ask for.

import { PROFILES, captureFrames, type KernelVersion, type World } from '../kernel/index';
import { toJsonLines } from '../trace/index';
import { pcap } from '../wire/index';

/** KERNEL_VERSIONS lists the kernel eras a program can run on, oldest first. */
export const KERNEL_VERSIONS = Object.keys(PROFILES) as KernelVersion[];

/** isKernelVersion tells whether s names a kernel era SockLab models. */
export function isKernelVersion(s: string): s is KernelVersion {
  return (KERNEL_VERSIONS as string[]).includes(s);
}

/** traceJsonLines renders the world's whole trace as JSON Lines, one event per line. */
export function traceJsonLines(world: World): string {
  return toJsonLines(world.trace);
}

/** capturePcap returns every frame any host put on a wire as a pcap file (nanosecond timestamps, Ethernet). */
export function capturePcap(world: World): Uint8Array {
  return pcap.encodePcap(captureFrames(world.trace));
}
