import { describe, expect, it } from 'vitest';
import { established, MSG_DONTWAIT, send, setsockopt, SO } from '../kernel/index';
import { sentHello } from './fixture';
import { skbStory } from './skbStory';
import { WorldViews } from './worldViews';

describe('skbStory', () => {
  it('tells the sent skb’s steps, the headers in push order and the frame it became', () => {
    const { views, send } = sentHello();
    const story = views.path(send.seq).skb!;
    expect(story.frameNo).toBe(6);
    expect(story.moreSkbs).toBe(0);
    expect(story.steps.map((s) => [s.op, s.by, s.data, s.tail, s.len, s.header])).toEqual([
      ['alloc', 'sk_stream_alloc_skb', 0, 0, 0, null],
      ['reserve', 'sk_stream_alloc_skb', 160, 160, 0, null],
      ['queue', 'skb_entail', 160, 160, 0, null],
      ['put', 'skb_add_data_nocache', 160, 165, 5, null],
      ['clone', 'tcp_transmit_skb', 160, 165, 5, null],
      ['push', 'tcp_transmit_skb', 128, 165, 37, 'TCP'],
      ['push', 'ip_queue_xmit', 108, 165, 57, 'IPv4'],
      ['push', 'dev_hard_header', 94, 165, 71, 'Ethernet II'],
    ]);
    expect(story.steps[2]!.queue).toBe('sk_write_queue');
    expect(story.steps[4]!.skbaddr).not.toBe(story.steps[3]!.skbaddr);
    expect(story.steps[5]!.note.en).toBe(
      'tcp_transmit_skb pushes 32 bytes for the TCP header: data moves back to 128, len is 37.',
    );
  });

  it('decodes each pushed header’s fields from the frame that left', () => {
    const { views, send } = sentHello();
    const [tcp, ip, eth] = views.path(send.seq).skb!.steps.slice(5);
    const value = (s: typeof tcp, name: string) => s!.fields.find((f) => f.name === name)?.value;
    expect([value(tcp, 'dest'), value(tcp, 'flags'), value(tcp, 'doff')]).toEqual([
      '8080',
      '0x018 [P.]',
      '8 (32 bytes)',
    ]);
    expect([value(ip, 'ttl'), value(ip, 'saddr'), value(ip, 'daddr'), value(ip, 'tot_len')]).toEqual([
      '64',
      '10.0.0.1',
      '10.0.0.2',
      '57',
    ]);
    expect(value(eth, 'h_proto')).toBe('0x0800 (IPv4)');
  });

  it('follows one skb when the call filled many and the congestion window let none leave', () => {
    const e = established('3.10');
    const bytes = (n: number) => new Uint8Array(n).fill(0x61);
    expect(setsockopt(e.c, e.cp, e.cfd, 1, SO.SO_SNDBUF, 1 << 20)).toBe(0); // SOL_SOCKET
    expect(send(e.c, e.cp, e.cfd, bytes(100_000), MSG_DONTWAIT)).toBe(100_000); // ten segments leave, the rest waits for cwnd
    const before = e.w.trace.length;
    expect(send(e.c, e.cp, e.cfd, bytes(8_000), MSG_DONTWAIT)).toBe(8_000);
    const path = new WorldViews(e.w).path(before);
    expect(path.syscall?.name).toBe('send');
    const allocs = path.rows.filter((r) => r.skb?.op === 'alloc').length;
    expect(allocs).toBeGreaterThan(1);
    const story = path.skb!;
    expect([story.frameNo, story.moreSkbs]).toEqual([null, 0]);
    expect(new Set(story.steps.map((s) => s.skbaddr)).size).toBe(1);
    // the first skb it touched is the last one of the previous send, still room at its tail
    expect(story.steps.map((s) => s.op)).toEqual(['put']);
  });

  it('is null for a call that touched no skb', () => {
    const { views, index, socket } = sentHello();
    expect(views.path(socket.seq).skb).toBeNull();
    expect(skbStory(index, [])).toBeNull();
  });
});
