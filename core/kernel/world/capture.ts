// Turning the trace's frame_tx events into capture records, so a run can be written as a
// pcap (core/wire encodes it) and opened in Wireshark or checked with tshark.

import type { TraceRecorder } from '../../trace';
import type { pcap } from '../../wire';

/** captureFrames returns one pcap record per frame put on a wire (frame_tx), optionally for one host. */
export function captureFrames(trace: TraceRecorder, host?: string): pcap.PcapRecord[] {
  return trace
    .ofKind('frame_tx')
    .filter((e) => host === undefined || e.host === host)
    .map((e) => ({ timestampNs: e.t, data: trace.frame(e.frame) }));
}
