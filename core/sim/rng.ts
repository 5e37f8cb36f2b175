// A seeded pseudo-random generator: xoshiro128** (Blackman and Vigna, 2018) seeded through
// splitmix32, written from the published algorithm description. 32-bit state words keep all
// arithmetic in Math.imul and unsigned shifts, so results are identical on every JS engine.

/** RngState is the generator's whole state as plain data (four unsigned 32-bit words). */
export type RngState = readonly [number, number, number, number];

/** splitmix32 returns the next splitmix32 output and state for seeding. */
function splitmix32(state: number): [value: number, next: number] {
  const next = (state + 0x9e3779b9) >>> 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return [(z ^ (z >>> 16)) >>> 0, next];
}

/** rotl rotates a 32-bit word left by k bits. */
function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Rng is a seeded xoshiro128** generator; the same seed always gives the same sequence. */
export class Rng {
  #s = new Uint32Array(4);

  /** constructor seeds the generator from a 32-bit integer seed. */
  constructor(seed: number) {
    let st = seed >>> 0;
    for (let i = 0; i < 4; i++) {
      const [v, n] = splitmix32(st);
      this.#s[i] = v;
      st = n;
    }
    if ((this.#s[0]! | this.#s[1]! | this.#s[2]! | this.#s[3]!) === 0) this.#s[0] = 1;
  }

  /** nextU32 returns the next unsigned 32-bit value. */
  nextU32(): number {
    const s = this.#s;
    const result = Math.imul(rotl(Math.imul(s[1]!, 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1]! << 9) >>> 0;
    s[2] = s[2]! ^ s[0]!;
    s[3] = s[3]! ^ s[1]!;
    s[1] = s[1]! ^ s[2]!;
    s[0] = s[0]! ^ s[3]!;
    s[2] = s[2]! ^ t;
    s[3] = rotl(s[3]!, 11);
    return result;
  }

  /** nextU16 returns the next unsigned 16-bit value (the high half of nextU32). */
  nextU16(): number {
    return this.nextU32() >>> 16;
  }

  /** nextFloat returns a float in [0, 1) with 32 bits of randomness. */
  nextFloat(): number {
    return this.nextU32() / 0x1_0000_0000;
  }

  /** nextInt returns an integer in [0, n) for 0 < n <= 2^32, without modulo bias. */
  nextInt(n: number): number {
    if (!(n > 0 && n <= 0x1_0000_0000 && Number.isInteger(n))) throw new Error(`Rng.nextInt: got ${n}`);
    const limit = 0x1_0000_0000 - (0x1_0000_0000 % n);
    for (;;) {
      const v = this.nextU32();
      if (v < limit) return v % n;
    }
  }

  /** chance returns true with probability p (0 <= p <= 1). */
  chance(p: number): boolean {
    return this.nextFloat() < p;
  }

  /** save returns the generator's state as plain data. */
  save(): RngState {
    return [this.#s[0]!, this.#s[1]!, this.#s[2]!, this.#s[3]!];
  }

  /** load restores a state made by save. */
  load(state: RngState): void {
    this.#s.set(state);
  }
}
