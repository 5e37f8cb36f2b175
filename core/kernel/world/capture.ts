// Turning the trace's frame_tx events into capture records, so a run can be written as a
// pcap or pcapng (core/wire encodes both) and opened in Wireshark or checked with tshark. The
// pcapng form has one interface per host and device and a comment on every frame naming the
// trace event, the kernel function that put the frame on the wire, the host and interface.

import type { TraceRecorder } from '../../trace';
import { pcapng, type pcap } from '../../wire';

/** captureFrames returns one pcap record per frame put on a wire (frame_tx), optionally for one host. */
export function captureFrames(trace: TraceRecorder, host?: string): pcap.PcapRecord[] {
  return trace
    .ofKind('frame_tx')
    .filter((e) => host === undefined || e.host === host)
    .map((e) => ({ timestampNs: e.t, data: trace.frame(e.frame) }));
}

/** capturePcapng returns the run's frames as a pcapng capture: interfaces named "host:dev", one commented packet per frame_tx. */
export function capturePcapng(trace: TraceRecorder, host?: string): pcapng.PcapngCapture {
  const interfaces: pcapng.PcapngInterface[] = [];
  const ids = new Map<string, number>();
  const packets = trace
    .ofKind('frame_tx')
    .filter((e) => host === undefined || e.host === host)
    .map((e) => {
      const name = `${e.host}:${e.dev}`;
      let id = ids.get(name);
      if (id === undefined) {
        id = interfaces.push({ name }) - 1;
        ids.set(name, id);
      }
      return {
        interfaceId: id,
        timestampNs: e.t,
        data: trace.frame(e.frame),
        comment: pcapng.frameComment({ eventId: e.seq, func: e.by, host: e.host, dev: e.dev }),
      };
    });
  return { interfaces, packets, application: 'SockLab' };
}
