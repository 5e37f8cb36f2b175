import { describe, expect, it } from 'vitest';
import { type FieldNode, fieldPath, frameTree } from './fieldTree';
import { bytes, captured, capturedList } from './fixtures/testing';

function walk(
  nodes: readonly FieldNode[],
  visit: (n: FieldNode, parent?: FieldNode) => void,
  parent?: FieldNode,
): void {
  for (const n of nodes) {
    visit(n, parent);
    walk(n.children, visit, n);
  }
}

const find = (nodes: readonly FieldNode[], path: string[]): FieldNode | undefined => {
  const [head, ...rest] = path;
  const hit = nodes.find((n) => n.name === head);
  return hit && rest.length > 0 ? find(hit.children, rest) : hit;
};

describe('frameTree', () => {
  it.each(capturedList)(
    'keeps every field inside the frame and its parent when given captured $name',
    ({ hex }) => {
      const frame = bytes(hex);
      walk(frameTree(frame), (n, parent) => {
        expect(n.offset + n.length, `${n.name} ends past the frame`).toBeLessThanOrEqual(frame.length);
        if (parent)
          expect(n.offset, `${n.name} starts before ${parent.name}`).toBeGreaterThanOrEqual(parent.offset);
      });
    },
  );

  it.each(capturedList.filter((f) => !f.name.startsWith('arp')))(
    'marks every checksum correct when given captured $name',
    ({ hex }) => {
      const checks: string[] = [];
      walk(frameTree(bytes(hex)), (n, parent) => {
        if (/^check(sum)?$/.test(n.name) && !parent?.name.startsWith('quoted')) checks.push(n.value);
      });
      expect(checks.length).toBeGreaterThan(0);
      for (const c of checks) expect(c).toMatch(/\[correct\]$/);
    },
  );

  it('names the value tcpdump would show when given the captured SYN', () => {
    const tree = frameTree(captured('tcpSyn'));
    expect(tree.map((n) => n.name)).toEqual(['Ethernet II', 'IPv4', 'TCP']);
    expect(find(tree, ['IPv4', 'frag_off'])?.value).toBe('0x4000 (flags DF, offset 0)');
    expect(find(tree, ['TCP', 'flags'])?.value).toBe('0x002 [S]');
    expect(find(tree, ['TCP', 'options', 'wscale'])).toMatchObject({
      value: 'wscale 10',
      offset: 34 + 20 + 17,
      length: 3,
    });
  });

  it('shows the correct value when a checksum is corrupted', () => {
    const frame = captured('tcpAck').slice();
    const stored = (frame[50] << 8) | frame[51];
    frame[51] ^= 0xff;
    const check = find(frameTree(frame), ['TCP', 'check']);
    expect(check?.value).toMatch(
      new RegExp(`incorrect, should be 0x${stored.toString(16).padStart(4, '0')}`),
    );
  });

  it('nests the quoted datagram when given a captured port unreachable', () => {
    const tree = frameTree(captured('icmpPortUnreachable'));
    expect(find(tree, ['ICMP', 'quoted IPv4', 'daddr'])?.value).toBe('10.0.0.2');
    expect(find(tree, ['ICMP', 'quoted UDP', 'dest'])).toMatchObject({
      value: '9999',
      offset: 14 + 20 + 8 + 20 + 2,
    });
  });

  it('finds the seq field when asked for a byte inside it', () => {
    const tree = frameTree(captured('tcpData'));
    const path = fieldPath(tree, 34 + 5);
    expect(path.map((n) => n.name)).toEqual(['TCP', 'seq']);
    expect(fieldPath(tree, 13).map((n) => n.name)).toEqual(['Ethernet II', 'h_proto']);
    expect(fieldPath(tree, 10_000)).toEqual([]);
  });

  it('returns one malformed node when the frame is shorter than an Ethernet header', () => {
    expect(frameTree(new Uint8Array(5))).toEqual([
      { name: 'malformed', value: expect.stringContaining('shorter'), offset: 0, length: 5, children: [] },
    ]);
  });
});
