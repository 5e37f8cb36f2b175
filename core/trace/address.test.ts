import { describe, expect, it } from 'vitest';
import { AddressAllocator } from './address';

describe('AddressAllocator', () => {
  it('hands out the same kernel-style addresses when two allocators replay the same calls', () => {
    const run = (): string[] => {
      const a = new AddressAllocator(0);
      return [a.alloc(1000), a.alloc(100), a.alloc(64)];
    };
    expect(run()).toEqual(['0xffff888010000000', '0xffff888010000400', '0xffff888010000480']);
    expect(run()).toEqual(run());
  });

  it('gives each host its own region when the host index differs', () => {
    expect(new AddressAllocator(1).alloc(8)).toBe('0xffff888020000000');
  });

  it('reuses the last freed address of the same slot size when one is freed', () => {
    const a = new AddressAllocator(0);
    const x = a.alloc(200);
    a.alloc(200);
    a.free(x, 200);
    expect(a.alloc(256)).toBe(x);
  });
});
