/** Maps a tag's raw UTF-8 bytes straight to its value, so the hot path never decodes the tag string. */

interface Entry<T> {
  bytes: Uint8Array;
  value: T;
  next: Entry<T> | null;
}

// Length plus a few bytes from the end and the middle: tags share prefixes ("train/…") far more than
// suffixes, and a collision only costs a byte comparison, so hashing every byte is not worth it.
function hash(buf: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n === 0) return 0;
  let h = Math.imul(0x811c9dc5 ^ n, 0x01000193);
  h = Math.imul(h ^ buf[end - 1]!, 0x01000193);
  h = Math.imul(h ^ buf[start + (n >>> 1)]!, 0x01000193);
  if (n > 2) h = Math.imul(h ^ buf[end - 2]!, 0x01000193);
  if (n > 3) h = Math.imul(h ^ buf[end - 3]!, 0x01000193);
  if (n > 4) h = Math.imul(h ^ buf[start + (n >>> 2)]!, 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

/** A hash table keyed by byte ranges (FNV-1a, chained), with exact byte comparison on lookup. */
export class TagTable<T> {
  private slots: (Entry<T> | null)[] = new Array(64).fill(null);
  private size = 0;

  /** The value stored for `buf[start, end)`, or undefined. */
  get(buf: Uint8Array, start: number, end: number): T | undefined {
    const n = end - start;
    let e: Entry<T> | null = this.slots[hash(buf, start, end) & (this.slots.length - 1)]!;
    outer: for (; e !== null; e = e.next) {
      const b = e.bytes;
      if (b.length !== n) continue;
      for (let i = 0; i < n; i++) if (b[i] !== buf[start + i]) continue outer;
      return e.value;
    }
    return undefined;
  }

  /** Stores `value` for a copy of `buf[start, end)` (the key must not be present). */
  set(buf: Uint8Array, start: number, end: number, value: T): void {
    if (this.size >= this.slots.length * 0.75) this.rehash();
    const bytes = buf.slice(start, end);
    const i = hash(bytes, 0, bytes.length) & (this.slots.length - 1);
    this.slots[i] = { bytes, value, next: this.slots[i]! };
    this.size++;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Array(old.length * 2).fill(null);
    for (let e of old) {
      while (e) {
        const next = e.next;
        const i = hash(e.bytes, 0, e.bytes.length) & (this.slots.length - 1);
        e.next = this.slots[i]!;
        this.slots[i] = e;
        e = next;
      }
    }
  }
}
