// What each pane of the window is for, shown in the pane until its view is built.
import type { PaneId } from '../../main/common/contract';

/** PaneInfo names a pane and says what the student will find in it. */
export interface PaneInfo {
  title: string;
  label: string;
  description: string;
}

/** panes describes every region of the window. */
export const panes: Record<PaneId, PaneInfo> = {
  lab: {
    title: 'Lab',
    label: 'Lab',
    description:
      'Guided exercises: the current step, hints revealed one at a time, questions to predict before you run, and checks that read the kernel trace to tell you what was seen and what is missing.',
  },
  editor: {
    title: 'Editor',
    label: 'Editor',
    description:
      'Your C programs from the workspace folder, with syntax highlighting, compile errors shown at their line, Run, and the executing line highlighted while you step through a program.',
  },
  terminal: { title: 'Terminal', label: 'Terminal', description: '' },
  inspector: {
    title: 'Struct Inspector',
    label: 'Struct inspector',
    description:
      'The kernel objects behind a file descriptor: struct socket → sock → inet_sock → tcp_sock, the proto and proto_ops tables they point to, the route and device, with fields that flash as they change.',
  },
  path: {
    title: 'Transmit Path',
    label: 'Transmit path',
    description:
      'The functions the last system call went through, from sock_sendmsg down to dev_queue_xmit, grouped by layer, with the ops-table hop that chose each one and the sk_buff as headers are pushed.',
  },
  packets: {
    title: 'Packets',
    label: 'Packets',
    description:
      'Every frame on the simulated Ethernet and loopback, in tcpdump style, with a field tree and hex dump of each header and the kernel function that sent it; export as pcap or pcapng.',
  },
  timeline: {
    title: 'Timeline',
    label: 'Timeline',
    description:
      'A scrubber over the trace: step back and forth through every kernel event and watch cwnd, ssthresh and the send queue change over simulated time.',
  },
};

/** paneOrder lists the panes in the order the toolbar shows them. */
export const paneOrder = Object.keys(panes) as PaneId[];
