// String interning for the trace store: each distinct string is kept once and events refer
// to it by a 32-bit id, which is what keeps a stored event well under 64 bytes.

/** StringTable interns strings to dense integer ids and back. */
export class StringTable {
  #ids = new Map<string, number>();
  #strings: string[] = [];

  /** size is the number of distinct strings interned. */
  get size(): number {
    return this.#strings.length;
  }

  /** intern returns the id of s, adding it when it is new. */
  intern(s: string): number {
    let id = this.#ids.get(s);
    if (id === undefined) {
      id = this.#strings.length;
      this.#strings.push(s);
      this.#ids.set(s, id);
    }
    return id;
  }

  /** get returns the string with this id; it throws on an unknown id (a broken invariant). */
  get(id: number): string {
    const s = this.#strings[id];
    if (s === undefined) throw new Error(`StringTable.get: got id ${id}, want < ${this.#strings.length}`);
    return s;
  }

  /** byteEstimate approximates the memory the table holds (UTF-16 chars plus map overhead). */
  byteEstimate(): number {
    let n = 0;
    for (const s of this.#strings) n += 2 * s.length + 48;
    return n;
  }
}
