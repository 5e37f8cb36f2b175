import { describe, expect, it } from 'vitest';
import { describeFrame, pcap, pcapng, toHex } from '../wire/index';
import { sentHello } from './fixture';

/** flagsOf reads tcpdump's Flags [..] out of a summary. */
const flagsOf = (summary: string) => /Flags \[([^\]]+)\]/.exec(summary)?.[1];

describe('packetPage', () => {
  it('lists every frame in tcpdump style: the handshake, then the data segment and its ACK', () => {
    const { views, index } = sentHello();
    const page = views.packets(0, 50);
    expect(page.total).toBe(index.frames.length);
    expect(page.rows.map((r) => r.summary)).toEqual(
      index.frames.map((f) => describeFrame(index.trace.frame(f.frame))),
    );
    const tcp = page.rows.filter((r) => r.summary.includes('.8080'));
    expect(tcp.map((r) => `${r.host} ${flagsOf(r.summary)}`)).toEqual([
      'client S',
      'server S.',
      'client .',
      'client P.',
      'server .',
    ]);
    expect(tcp[3]!.summary).toMatch(
      /^IP 10\.0\.0\.1\.\d+ > 10\.0\.0\.2\.8080: Flags \[P\.\], seq \d+:\d+, .*length 5$/,
    );
    expect(page.rows.map((r) => r.no)).toEqual(page.rows.map((_, i) => i + 1));
  });

  it('counts only the frames sent up to the view’s event', () => {
    const { views, index, socket, send } = sentHello();
    expect(views.packets(0, 50, socket.endSeq)).toEqual({ total: 0, rows: [] });
    const upToSend = index.frames.filter((f) => f.seq <= send.endSeq).length;
    expect(views.packets(0, 50, send.endSeq).total).toBe(upToSend);
    expect(flagsOf(views.packets(upToSend - 1, 1, send.endSeq).rows[0]!.summary)).toBe('P.');
  });

  it('returns the asked slice', () => {
    expect(
      sentHello()
        .views.packets(2, 2)
        .rows.map((r) => r.no),
    ).toEqual([3, 4]);
  });

  it('counts a negative from back from the last frame sent up to the view’s event', () => {
    const { views, send } = sentHello();
    const total = views.packets(0, 1, send.endSeq).total;
    expect(views.packets(-1, 5, send.endSeq).rows.map((r) => r.no)).toEqual([total]);
    expect(views.packets(-2, 5).rows.map((r) => r.no)).toEqual([views.packets(0, 1).total - 1, views.packets(0, 1).total]); // prettier-ignore
    expect(views.packets(-1000, 2).rows.map((r) => r.no)).toEqual([1, 2]);
  });
});

describe('frameDetail', () => {
  it('gives the data frame’s field tree, bytes and sender', () => {
    const { views, index } = sentHello();
    const no = views.packets(0, 50).rows.find((r) => flagsOf(r.summary) === 'P.')!.no;
    const frame = views.frame(no)!;
    expect(frame.hex).toBe(toHex(index.trace.frame(index.frames[no - 1]!.frame)));
    expect(frame.tree.map((n) => [n.name, n.offset, n.length])).toEqual([
      ['Ethernet II', 0, 14],
      ['IPv4', 14, 20],
      ['TCP', 34, 37],
    ]);
    expect(frame).toMatchObject({ no, host: 'client', dev: 'eth0', by: 'socklab_eth_xmit' });
  });

  it('is undefined for a frame that does not exist', () => {
    const { views, index } = sentHello();
    expect(views.frame(index.frames.length + 1)).toBeUndefined();
    expect(views.frame(0)).toBeUndefined();
  });
});

describe('exportCapture', () => {
  it('writes a pcap with every frame and its time', () => {
    const { views, index } = sentHello();
    const file = pcap.decodePcap(views.capture('pcap'));
    if ('reason' in file) throw new Error(file.reason);
    expect(file.records.map((r) => [r.timestampNs, toHex(r.data)])).toEqual(
      index.frames.map((f) => [f.t, toHex(index.trace.frame(f.frame))]),
    );
  });

  it('writes a pcapng with an interface per host and the kernel origin of each frame', () => {
    const { views, index } = sentHello();
    const file = pcapng.decodePcapng(views.capture('pcapng'));
    if ('reason' in file) throw new Error(file.reason);
    expect(file.interfaces.map((i) => i.name)).toEqual(['client:eth0', 'server:eth0']);
    expect(file.packets.map((p) => [p.interfaceId, p.comment])).toEqual(
      index.frames.map((f) => [
        f.host === 'client' ? 0 : 1,
        `event=${f.seq} func=socklab_eth_xmit host=${f.host} dev=eth0`,
      ]),
    );
  });
});
