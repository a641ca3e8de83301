/**
 * Keeps every caller of one realm inside Intuit's per-company limits (10 concurrent, 10/s, 500/min,
 * 40 batch requests/min by default), so normal operation never meets a 429, and runs at those limits'
 * full pace. Requests start in the order they asked.
 *
 * QuickBooks counts a request when it arrives, which is some time after we start it and before it
 * stamps its answer (`time`). So a request holds its place in each sliding window from its start until a
 * whole window after that stamp (read in our clock with the closest offset seen, which can put it late, never early),
 * or after the answer reached us when it has none: the next request that needs the place starts no
 * earlier, and therefore arrives a full window after the earlier one arrived, however slow the network
 * was. No margin is guessed; the only cost is the time QuickBooks took to answer the request that leaves.
 */
import type { QboTime } from './time';

export interface LimiterOptions {
  concurrent: number;
  perSecond: number;
  perMinute: number;
  batchPerMinute: number;
}

export const defaultLimits: LimiterOptions = { concurrent: 10, perSecond: 10, perMinute: 500, batchPerMinute: 40 };

/**
 * One request: `done` is when its answer came back (null until then), or the earlier moment the client
 * could tell QuickBooks answered it (`answeredAt`, from the answer's own time stamp).
 */
interface Slot {
  batch: boolean;
  start: number;
  done: number | null;
  answeredAt: number | null;
}

/** Told by the task the time QuickBooks stamped on its answer, in QuickBooks' clock (epoch ms). */
export type AnsweredAt = (serverMs: number) => void;

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
  async run<T>(task: (answeredAt: AnsweredAt) => Promise<T>, kind: 'call' | 'batch' = 'call'): Promise<T> {
    const slot: Slot = { batch: kind === 'batch', start: 0, done: null, answeredAt: null };
    await new Promise<void>((resolve) => {
      this.queue.push({ slot, start: resolve });
      void this.pump();
    });
    try {
      return await task((serverMs) => (slot.answeredAt = this.toLocal(serverMs)));
    } finally {
      // QuickBooks counted the request before it stamped its answer: the window may run from that stamp,
      // which leaves out the time the answer spent coming back and waiting for us (never before the start).
      const now = this.time.now();
      slot.done = slot.answeredAt === null ? now : Math.max(slot.start, Math.min(now, slot.answeredAt));
      this.inFlight--;
      void this.pump();
    }
  }

  /**
   * The largest (QuickBooks − our clock) offset seen in the last minute. Every answer gives one no larger
   * than the true offset (QuickBooks stamped it before we read it), so the largest is the closest; a
   * minute's memory follows a clock that was set back.
   */
  private bestOffset: { offset: number; at: number } | null = null;

  /** A QuickBooks time stamp as our clock's time: never earlier than the moment it really was, so a window never ends too soon. */
  private toLocal(serverMs: number): number {
    const now = this.time.now();
    const offset = serverMs - now;
    if (!this.bestOffset || offset > this.bestOffset.offset || now - this.bestOffset.at > 60_000) this.bestOffset = { offset, at: now };
    return serverMs - this.bestOffset.offset;
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
        head.slot.start = this.time.now();
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
