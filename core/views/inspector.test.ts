import { describe, expect, it } from 'vitest';
import { sentHello } from './fixture';
import { bulkTransferWorld } from './bulkWorld';
import { MAX_QUEUE_ROWS, type InspectorNode, type InspectorView } from './inspector';
import { WorldViews } from './worldViews';

/** outline renders a tree as "struct name" lines indented by depth. */
function outline(node: InspectorNode, depth = 0): string[] {
  return [
    `${'  '.repeat(depth)}${node.struct} ${node.name}`,
    ...node.children.flatMap((c) => outline(c, depth + 1)),
  ];
}

function field(view: InspectorView, host: string, fd: number, part: string, name: string) {
  const root = view.roots.find((r) => r.host === host && r.fd === fd);
  const find = (n: InspectorNode): InspectorNode | undefined =>
    n.struct === part && n.fields.some((f) => f.name === name)
      ? n
      : n.children.map(find).find((x) => x !== undefined);
  return root && find(root.node)?.fields.find((f) => f.name === name);
}

describe('inspectorView', () => {
  it('lists every live socket by host and fd', () => {
    const view = sentHello().views.inspector();
    expect(view.roots.map((r) => `${r.host} pid ${r.pid} fd ${r.fd}`)).toEqual([
      'client pid 100 fd 3',
      'server pid 100 fd 3',
      'server pid 100 fd 4',
    ]);
  });

  it('follows fd → file → socket → ops, the sock parts, its tables and route down to the qdisc', () => {
    const view = sentHello().views.inspector();
    expect(outline(view.roots[0]!.node)).toEqual([
      'file file',
      '  socket sock',
      '    proto_ops ops = &inet_stream_ops',
      '    tcp_sock sk',
      '      sock_common __sk_common',
      '      sock sk',
      '      inet_sock inet_sk(sk)',
      '      inet_connection_sock inet_csk(sk)',
      '      tcp_sock tcp_sk(sk)',
      '      proto sk_prot = &tcp_prot',
      '      inet_connection_sock_af_ops icsk_af_ops = &ipv4_specific',
      '      rtable sk_dst_cache',
      '        neighbour neighbour',
      '        net_device dst.dev',
      '          Qdisc qdisc',
    ]);
  });

  it('shows sk_state by name, ops as a link to its table, and the table’s handlers', () => {
    const { views, send } = sentHello();
    const view = views.inspector(send.endSeq);
    expect(field(view, 'client', 3, 'sock_common', 'sk_state')).toMatchObject({
      value: 'TCP_ESTABLISHED (1)',
      type: 'volatile unsigned char',
      obj: '0xffff888010001280',
    });
    expect(field(view, 'client', 3, 'socket', 'ops')).toMatchObject({
      value: 'inet_stream_ops',
      link: 'inet_stream_ops',
    });
    expect(field(view, 'client', 3, 'proto_ops', '.sendmsg')?.value).toBe('inet_sendmsg');
    expect(field(view, 'client', 3, 'proto', '.sendmsg')?.value).toBe('tcp_sendmsg');
    expect(field(view, 'client', 3, 'inet_connection_sock_af_ops', '.queue_xmit')?.value).toBe(
      'ip_queue_xmit',
    );
    expect(field(view, 'client', 3, 'socket', 'sk')?.link).toBe('0xffff888010001280');
    expect(field(view, 'client', 3, 'sock', 'sk_socket')?.link).toBe('0xffff888010001000');
  });

  it('shows the state as of an earlier event: TCP_CLOSE right after socket()', () => {
    const { views, socket } = sentHello();
    const view = views.inspector(socket.endSeq);
    expect(view.roots.map((r) => `${r.host} fd ${r.fd}`)).toEqual(['client fd 3', 'server fd 3']);
    expect(field(view, 'client', 3, 'sock_common', 'sk_state')?.value).toBe('TCP_CLOSE (7)');
    expect(field(view, 'client', 3, 'socket', 'state')?.value).toBe('SS_UNCONNECTED (1)');
  });

  it('marks each field with its last change at or before the view’s event', () => {
    const { views, index, send } = sentHello();
    const view = views.inspector(send.endSeq);
    const changes = index.fieldChanges('client', '0xffff888010001280', 'snd_nxt');
    const lastBefore = changes.filter((s) => s <= send.endSeq).at(-1);
    expect(field(view, 'client', 3, 'tcp_sock', 'snd_nxt')?.changedSeq).toBe(lastBefore);
    expect(field(view, 'client', 3, 'socket', 'flags')?.changedSeq).toBe(-1);
  });

  it('is empty before any socket exists', () => {
    expect(sentHello().views.inspector(-1)).toEqual({ seq: -1, roots: [] });
  });
});

describe('inspectorView queues', () => {
  it('lists the skb on the client’s write queue until it is acknowledged', () => {
    const { views, index, send } = sentHello();
    const queueOf = (seq: number, host: string, fd: number) => {
      const root = views.inspector(seq).roots.find((r) => r.host === host && r.fd === fd)!;
      const sk = root.node.children[0]!.children.find((n) => n.name === 'sk')!;
      return sk.children
        .filter((n) => n.struct === 'sk_buff_head')
        .map((n) => [n.name, n.fields.map((f) => f.value)]);
    };
    expect(queueOf(send.endSeq, 'client', 3)).toEqual([
      ['sk_write_queue', ['0xffff888010002080 len=5 data=160 tail=165 end=1608']],
    ]);
    expect(queueOf(index.length - 1, 'client', 3)).toEqual([]);
    expect(queueOf(index.length - 1, 'server', 4)).toEqual([
      ['sk_receive_queue', ['0xffff888020001e80 len=5 data=68 tail=73 end=73']],
    ]);
    expect(queueOf(index.length - 1, 'server', 3)).toEqual([]);
  });
});

describe('inspectorView on a bulk sender', () => {
  it('lists at most MAX_QUEUE_ROWS skbs of a long queue and counts the rest', () => {
    const views = new WorldViews(bulkTransferWorld(400_000));
    const sends = views.timeline().marks.filter((m) => m.host === 'client' && m.name === 'send');
    const queueAt = (seq: number) => {
      const root = views.inspector(seq).roots.find((r) => r.host === 'client')!;
      return root.node.children[0]!.children.find((n) => n.name === 'sk')!.children.find(
        (n) => n.name === 'sk_write_queue',
      );
    };
    const long = sends
      .map((m) => queueAt(m.endSeq))
      .find((q) => q !== undefined && q.fields.length > MAX_QUEUE_ROWS);
    expect(long?.fields).toHaveLength(MAX_QUEUE_ROWS + 1);
    expect(long?.fields.at(-1)?.name).toBe('…');
    expect(long?.fields.at(-1)?.value).toMatch(/^\d+ more$/);
  });
});
