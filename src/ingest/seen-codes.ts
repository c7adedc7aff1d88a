// The dossier codes already met in one file, with the row of their first appearance: a compact
// exact set (UTF-8 bytes in one growing buffer, open addressing over offsets), so that a
// million-row import remembers its codes in tens of MB rather than a Map's hundreds.
const EMPTY = 0xffffffff;

export class SeenCodes {
  #arena = Buffer.alloc(1 << 20);
  #used = 0;
  /** Per slot: arena offset of the code (EMPTY if free); lengths and rows alongside. */
  #offsets = new Uint32Array(1 << 16).fill(EMPTY);
  #lengths = new Uint16Array(1 << 16);
  #rows = new Uint32Array(1 << 16);
  #count = 0;
  #scratch = Buffer.alloc(1024);

  get size(): number {
    return this.#count;
  }

  /** Records the code at `row`; returns the row where it was first seen if it was already there. */
  check(code: string, row: number): number | undefined {
    const max = Buffer.byteLength(code);
    if (max > this.#scratch.length) this.#scratch = Buffer.alloc(max * 2);
    const n = this.#scratch.write(code, 0, 'utf8');
    if (n > 0xffff) throw new RangeError('dossier code too long');
    let h = 0x811c9dc5;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ this.#scratch[i]!, 0x01000193);
    const mask = this.#offsets.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const off = this.#offsets[slot]!;
      if (off === EMPTY) {
        this.#insert(slot, n, row);
        return undefined;
      }
      if (this.#lengths[slot] === n && this.#scratch.compare(this.#arena, off, off + n, 0, n) === 0) return this.#rows[slot];
    }
  }

  #insert(slot: number, n: number, row: number): void {
    if (this.#used + n > this.#arena.length) {
      const bigger = Buffer.alloc(Math.max(this.#arena.length * 2, this.#used + n));
      this.#arena.copy(bigger, 0, 0, this.#used);
      this.#arena = bigger;
    }
    this.#scratch.copy(this.#arena, this.#used, 0, n);
    this.#offsets[slot] = this.#used;
    this.#lengths[slot] = n;
    this.#rows[slot] = row;
    this.#used += n;
    if (++this.#count * 2 > this.#offsets.length) this.#grow();
  }

  #grow(): void {
    const [offsets, lengths, rows] = [this.#offsets, this.#lengths, this.#rows];
    const size = offsets.length * 2;
    this.#offsets = new Uint32Array(size).fill(EMPTY);
    this.#lengths = new Uint16Array(size);
    this.#rows = new Uint32Array(size);
    const mask = size - 1;
    for (let i = 0; i < offsets.length; i++) {
      const off = offsets[i]!;
      if (off === EMPTY) continue;
      let h = 0x811c9dc5;
      for (let j = off; j < off + lengths[i]!; j++) h = Math.imul(h ^ this.#arena[j]!, 0x01000193);
      let slot = h & mask;
      while (this.#offsets[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.#offsets[slot] = off;
      this.#lengths[slot] = lengths[i]!;
      this.#rows[slot] = rows[i]!;
    }
  }
}
