// inspect fd N [PID]: the struct inspector's tree for one socket in the terminal — struct file
// → struct socket → sock (__sk_common, sock, inet_sock, inet_connection_sock, tcp_sock) → route,
// neighbour and device — the same model (core/views) the app's inspector pane draws.
import { WorldViews } from '../../views/index';
import type { InspectorNode } from '../../views/index';
import type { CommandIo, ShellCommand } from '../command';

/** printNode writes a node's header, its fields and its children, indented by depth. */
function printNode(io: CommandIo, node: InspectorNode, depth: number): void {
  const pad = '  '.repeat(depth);
  const addr = node.addr === null ? '' : ` ${node.addr}`;
  io.out(`${pad}${node.name} → struct ${node.struct}${addr}  [${node.header}]\n`);
  for (const f of node.fields) io.out(`${pad}  ${f.type === '' ? '' : `${f.type} `}${f.name} = ${f.value}\n`);
  for (const child of node.children) printNode(io, child, depth + 1);
}

/** inspect prints a socket's kernel structures by file descriptor. */
export const inspect: ShellCommand = {
  name: 'inspect',
  summary: "show a socket's kernel structs: inspect fd N [PID]",
  usage: 'inspect fd N [PID]',
  example: 'inspect fd 3',
  completesFiles: false,
  run(argv, io) {
    const lab = io.lab;
    if (lab === undefined) return (io.err('inspect: no simulated world in this shell\n'), 1);
    const [, what, fdText, pidText] = argv;
    if (
      what !== 'fd' ||
      fdText === undefined ||
      !/^\d+$/.test(fdText) ||
      (pidText !== undefined && !/^\d+$/.test(pidText))
    )
      return (io.err(`inspect: usage: ${inspect.usage}\n`), 2);
    if (lab.session.traceLevel !== 'full')
      return (
        io.err(
          'inspect: the structs come from the trace: run `trace on` (level full) first, then the program\n',
        ),
        1
      );
    const fd = Number(fdText);
    const roots = new WorldViews(lab.session.world)
      .inspector()
      .roots.filter(
        (r) => r.host === lab.host && r.fd === fd && (pidText === undefined || r.pid === Number(pidText)),
      );
    const root = roots.sort((a, b) => (b.pid ?? 0) - (a.pid ?? 0))[0];
    if (root === undefined) {
      io.err(
        `inspect: no socket at fd ${fd}${pidText === undefined ? '' : ` of pid ${pidText}`} on ${lab.host}\n`,
      );
      return 1;
    }
    io.out(`fd ${fd} of pid ${root.pid ?? '?'} on ${root.host}\n`);
    printNode(io, root.node, 0);
    return 0;
  },
};
