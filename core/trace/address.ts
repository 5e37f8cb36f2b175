// Stable kernel-style object addresses. Each host gets its own region of the x86-64 direct
// map (0xffff888000000000 + host region), and objects take addresses from a bump allocator
// per host with a LIFO free list per slot size (like a slab cache), so a run with the same
// inputs shows the same addresses every time. The sizes are
// SockLab's own slot sizes, not the kernel's sizeof values, which vary with the build.

/** DIRECT_MAP_PREFIX is the upper half of x86-64's direct-map base, 0xffff8880_00000000. */
export const DIRECT_MAP_PREFIX = 'ffff8880';

/** AddressAllocator hands out deterministic kernel-style addresses for one host. */
export class AddressAllocator {
  #next: number;
  #limit: number;
  #free = new Map<number, string[]>();

  /** constructor gives host number hostIndex (0 to 14) a 256 MiB region of its own. */
  constructor(hostIndex: number) {
    if (!(hostIndex >= 0 && hostIndex < 15))
      throw new Error(`AddressAllocator: got host ${hostIndex}, want 0..14`);
    this.#next = (hostIndex + 1) * 0x1000_0000;
    this.#limit = this.#next + 0x1000_0000;
  }

  /** alloc returns an address for an object of size bytes (64-byte slots), reusing the last freed one. */
  alloc(size: number): string {
    const slot = Math.ceil(Math.max(size, 1) / 64) * 64;
    const reused = this.#free.get(slot)?.pop();
    if (reused !== undefined) return reused;
    const addr = this.#next;
    this.#next += slot;
    if (this.#next > this.#limit) throw new Error('AddressAllocator.alloc: host region exhausted');
    return `0x${DIRECT_MAP_PREFIX}${addr.toString(16).padStart(8, '0')}`;
  }

  /** free returns an address of an object of size bytes to its slot's free list. */
  free(addr: string, size: number): void {
    const slot = Math.ceil(Math.max(size, 1) / 64) * 64;
    const list = this.#free.get(slot) ?? [];
    list.push(addr);
    this.#free.set(slot, list);
  }

  /** save returns the allocator's state as plain data. */
  save(): { next: number; limit: number; free: Array<[number, string[]]> } {
    return { next: this.#next, limit: this.#limit, free: [...this.#free].map(([k, v]) => [k, [...v]]) };
  }

  /** load restores a state made by save. */
  load(s: { next: number; limit: number; free: Array<[number, string[]]> }): void {
    this.#next = s.next;
    this.#limit = s.limit;
    this.#free = new Map(s.free.map(([k, v]) => [k, [...v]]));
  }
}
