/**
 * Binary min-heap of timers ordered by (dueMs, seq): earliest first, and at
 * equal times in registration order. Cleared timers stay in the heap marked
 * `done` and are dropped lazily when they reach the top; the heap is rebuilt
 * when they outnumber the live ones, so cleared timeouts cannot pile up.
 */
export type Timer = {
  readonly timerId: number;
  /** The clock that issued the timer: a handle from another clock is ignored. */
  readonly clock: object;
  seq: number;
  dueMs: number;
  /** 0 for a one-shot timer. */
  readonly intervalMs: number;
  readonly callback: () => void;
  /** The tracked operation this timer parks, if it was set inside one. */
  readonly owner: unknown;
  done: boolean;
};

const REBUILD_MIN_SIZE = 1024;

export class TimerHeap {
  private items: Timer[] = [];
  private cancelled = 0;

  push(timer: Timer): void {
    const items = this.items;
    items.push(timer);
    let child = items.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!before(timer, items[parent]!)) break;
      items[child] = items[parent]!;
      child = parent;
    }
    items[child] = timer;
  }

  /** The earliest timer that is still live, dropping cleared ones on the way. */
  peekLive(): Timer | undefined {
    let top = this.items[0];
    while (top !== undefined && top.done) {
      this.pop();
      this.cancelled--;
      top = this.items[0];
    }
    return top;
  }

  pop(): Timer | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let parent = 0;
    const size = items.length;
    for (;;) {
      const left = 2 * parent + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && before(items[right]!, items[left]!) ? right : left;
      if (!before(items[child]!, last)) break;
      items[parent] = items[child]!;
      parent = child;
    }
    items[parent] = last;
    return top;
  }

  /** Records that a timer in the heap was cleared; rebuilds when garbage dominates. */
  noteCancelled(): void {
    this.cancelled++;
    if (this.items.length >= REBUILD_MIN_SIZE && this.cancelled * 2 > this.items.length) this.rebuild();
  }

  liveCount(): number {
    return this.items.length - this.cancelled;
  }

  private rebuild(): void {
    const live = this.items.filter((timer) => !timer.done);
    this.items = [];
    this.cancelled = 0;
    for (const timer of live) this.push(timer);
  }
}

function before(a: Timer, b: Timer): boolean {
  return a.dueMs < b.dueMs || (a.dueMs === b.dueMs && a.seq < b.seq);
}
