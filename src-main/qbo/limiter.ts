/**
 * Keeps every caller of one realm inside Intuit's per-company limits (10 concurrent, 10/s, 500/min,
 * 40 batch requests/min by default), so normal operation never meets a 429, and runs at those limits'
 * full pace. Requests start in the order they asked.
 *
 * QuickBooks counts a request when it arrives, which is some time after we start it and before its
 * answer comes back. So a request holds its place in each sliding window from its start until a whole
 * window after its answer: the next request that needs the place starts no earlier than that, and
 * therefore arrives a full window after the earlier one arrived, however slow the network or the server
 * was. No margin is guessed; the only cost is the answer time of the request that leaves (a few hundred
 * milliseconds on a 60 s window).
 */
import type { QboTime } from './time';

export interface LimiterOptions {
  concurrent: number;
  perSecond: number;
  perMinute: number;
  batchPerMinute: number;
}

export const defaultLimits: LimiterOptions = { concurrent: 10, perSecond: 10, perMinute: 500, batchPerMinute: 40 };

/** One request: `done` is when its answer came back (null until then). */
interface Slot {
  batch: boolean;
  done: number | null;
}

interface Waiter {
  slot: Slot;
  start: () => void;
}

export class RealmLimiter {
  private slots: Slot[] = [];
  private readonly queue: Waiter[] = [];
  private inFlight = 0;
  private pumping = false;
  private readonly options: LimiterOptions;

  constructor(
    private readonly time: QboTime,
    options: Partial<LimiterOptions> = {},
  ) {
    this.options = { ...defaultLimits, ...options };
  }

  /** Runs `task` once a slot is free; the slot is held until the task settles, and its window place a window longer. */
  async run<T>(task: () => Promise<T>, kind: 'call' | 'batch' = 'call'): Promise<T> {
    const slot: Slot = { batch: kind === 'batch', done: null };
    await new Promise<void>((resolve) => {
      this.queue.push({ slot, start: resolve });
      void this.pump();
    });
    try {
      return await task();
    } finally {
      slot.done = this.time.now();
      this.inFlight--;
      void this.pump();
    }
  }

  get pending(): number {
    return this.queue.length;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        if (this.inFlight >= this.options.concurrent) return; // a finishing task pumps again
        const head = this.queue[0] as Waiter;
        const wait = this.waitFor(head.slot.batch);
        if (wait === Number.POSITIVE_INFINITY) return; // the places are held by requests in flight: their end pumps again
        if (wait > 0) {
          await this.time.sleep(wait);
          continue;
        }
        this.queue.shift();
        this.slots.push(head.slot);
        this.inFlight++;
        head.start();
      }
    } finally {
      this.pumping = false;
    }
  }

  /** Milliseconds until the head may start (0 = now; infinity = when a request in flight ends). */
  private waitFor(batch: boolean): number {
    const now = this.time.now();
    const { perSecond, perMinute, batchPerMinute } = this.options;
    this.slots = this.slots.filter((s) => s.done === null || s.done > now - 60_000);
    let wait = Math.max(windowWait(this.slots, now, 1000, perSecond), windowWait(this.slots, now, 60_000, perMinute));
    if (batch) wait = Math.max(wait, windowWait(this.slots.filter((s) => s.batch), now, 60_000, batchPerMinute));
    return wait;
  }
}

/**
 * How long until fewer than `limit` of `slots` hold a place in a window of `spanMs`: a slot holds one
 * while in flight and until `spanMs` after its answer.
 */
function windowWait(slots: readonly Slot[], now: number, spanMs: number, limit: number): number {
  let inFlight = 0;
  const leaving: number[] = [];
  for (const s of slots) {
    if (s.done === null) inFlight++;
    else if (s.done > now - spanMs) leaving.push(s.done);
  }
  const over = inFlight + leaving.length - limit + 1; // places that must free up first
  if (over <= 0) return 0;
  if (over > leaving.length) return Number.POSITIVE_INFINITY;
  leaving.sort((a, b) => a - b);
  return Math.max(1, (leaving[over - 1] as number) + spanMs - now + 1);
}
