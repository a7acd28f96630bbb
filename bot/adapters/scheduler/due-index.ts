/**
 * The due times of known jobs, kept in memory so a poll costs O(due jobs) instead of a store scan:
 * a binary min-heap with lazy deletion (an entry counts only while it matches the map).
 */
export class DueIndex {
  private readonly due = new Map<string, number>();
  private heap: Array<[number, string]> = [];

  get size(): number {
    return this.due.size;
  }

  /** Sets or moves the due time of `key`. */
  set(key: string, dueAt: number): void {
    if (this.due.get(key) === dueAt) return;
    this.due.set(key, dueAt);
    this.push([dueAt, key]);
    if (this.heap.length > 2 * this.due.size + 64) this.compact();
  }

  delete(key: string): void {
    this.due.delete(key);
  }

  has(key: string): boolean {
    return this.due.has(key);
  }

  keys(): IterableIterator<string> {
    return this.due.keys();
  }

  /** The earliest live due time, if any. */
  peek(): number | undefined {
    this.dropStale();
    return this.heap[0]?.[0];
  }

  /** Removes and returns every key due at or before `now`, earliest first. */
  takeDue(now: number): string[] {
    const out: string[] = [];
    for (;;) {
      this.dropStale();
      const top = this.heap[0];
      if (!top || top[0] > now) return out;
      this.pop();
      this.due.delete(top[1]);
      out.push(top[1]);
    }
  }

  private dropStale(): void {
    while (this.heap.length > 0 && this.due.get(this.heap[0][1]) !== this.heap[0][0]) this.pop();
  }

  private compact(): void {
    this.heap = [];
    for (const [key, dueAt] of this.due) this.push([dueAt, key]);
  }

  private push(entry: [number, string]): void {
    const h = this.heap;
    h.push(entry);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h[parent][0] <= h[i][0]) break;
      [h[parent], h[i]] = [h[i], h[parent]];
      i = parent;
    }
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop();
    if (h.length === 0 || !last) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && h[l][0] < h[m][0]) m = l;
      if (r < h.length && h[r][0] < h[m][0]) m = r;
      if (m === i) return;
      [h[m], h[i]] = [h[i], h[m]];
      i = m;
    }
  }
}
