// Model-based check: random sequences of workspace operations give the same answers on disk
// as in memory, so tests that use MemoryWorkspace speak for the folder on disk.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FsResult, Workspace } from '../../core/index';
import { MemoryWorkspace } from '../../core/index';
import { DiskWorkspace } from './diskWorkspace';

const paths = ['a', 'b', 'a/x', 'a/y', 'b/x', 'a/x/z', 'c.txt', '你好'];

const op = fc.oneof(
  fc.record({ kind: fc.constant('mkdir' as const), path: fc.constantFrom(...paths) }),
  fc.record({ kind: fc.constant('write' as const), path: fc.constantFrom(...paths), text: fc.string() }),
  fc.record({ kind: fc.constant('append' as const), path: fc.constantFrom(...paths), text: fc.string() }),
  fc.record({ kind: fc.constant('touch' as const), path: fc.constantFrom(...paths) }),
  fc.record({ kind: fc.constant('remove' as const), path: fc.constantFrom(...paths) }),
  fc.record({
    kind: fc.constant('rename' as const),
    path: fc.constantFrom(...paths),
    to: fc.constantFrom(...paths),
  }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function apply(ws: Workspace, o: Op): FsResult<void> {
  switch (o.kind) {
    case 'mkdir':
      return ws.mkdir(o.path);
    case 'write':
      return ws.writeText(o.path, o.text);
    case 'append':
      return ws.appendText(o.path, o.text);
    case 'touch':
      return ws.touch(o.path);
    case 'remove':
      return ws.remove(o.path);
    case 'rename':
      return ws.rename(o.path, o.to);
  }
}

/** snapshot is every path's kind and content, the way both implementations must agree on it. */
function snapshot(ws: Workspace): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of paths) {
    const stat = ws.stat(path);
    if (!stat.ok) out[path] = stat.errno;
    else if (stat.value.kind === 'dir') {
      const listed = ws.list(path);
      out[path] =
        'dir:' +
        (listed.ok
          ? listed.value
              .map((e) => e.name)
              .sort()
              .join(',')
          : listed.errno);
    } else {
      const text = ws.readText(path);
      out[path] = `file(${stat.value.size}):` + (text.ok ? text.value : text.errno);
    }
  }
  return out;
}

describe('Workspace implementations', () => {
  it('agree on every answer when the same random operations run on both', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 14 }), (ops) => {
        const base = mkdtempSync(join(tmpdir(), 'socklab-model-'));
        mkdirSync(join(base, 'ws'));
        const disk = new DiskWorkspace(join(base, 'ws'));
        const memory = new MemoryWorkspace();
        try {
          for (const o of ops) {
            expect(apply(disk, o), JSON.stringify(o)).toEqual(apply(memory, o));
            expect(snapshot(disk)).toEqual(snapshot(memory));
          }
        } finally {
          rmSync(base, { recursive: true, force: true });
        }
      }),
      { seed: 6, numRuns: 150 },
    );
  });
});
