/**
 * Keeps every caller of one realm inside Intuit's per-company limits (10 concurrent, 10/s, 500/min,
 * 40 batch requests/min by default), so normal operation never meets a 429. Requests start in the
 * order they asked. Windows slide on the injected clock with a small margin, because the server
 * counts arrivals, not our start times.
 */
import type { QboTime } from './time';

export interface LimiterOptions {
  concurrent: number;
  perSecond: number;
  perMinute: number;
  batchPerMinute: number;
  /** Extra milliseconds added to each window to absorb network jitter between start and arrival. */
  marginMs: number;
}

export const defaultLimits: LimiterOptions = { concurrent: 10, perSecond: 10, perMinute: 500, batchPerMinute: 40, marginMs: 300 };

interface Waiter {
  batch: boolean;
  start: () => void;
}

export class RealmLimiter {
  private readonly starts: number[] = [];
  private readonly batchStarts: number[] = [];
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

  /** Runs `task` once a slot is free; the slot is held until the task settles. */
  async run<T>(task: () => Promise<T>, kind: 'call' | 'batch' = 'call'): Promise<T> {
    await new Promise<void>((resolve) => {
      this.queue.push({ batch: kind === 'batch', start: resolve });
      void this.pump();
    });
    try {
      return await task();
    } finally {
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
        const wait = this.waitFor(head.batch);
        if (wait > 0) {
          await this.time.sleep(wait);
          continue;
        }
        this.queue.shift();
        const now = this.time.now();
        this.starts.push(now);
        if (head.batch) this.batchStarts.push(now);
        this.inFlight++;
        head.start();
      }
    } finally {
      this.pumping = false;
    }
  }

  /** Milliseconds until the head may start (0 = now). */
  private waitFor(batch: boolean): number {
    const now = this.time.now();
    const { perSecond, perMinute, batchPerMinute, marginMs } = this.options;
    prune(this.starts, now - 60_000 - marginMs);
    prune(this.batchStarts, now - 60_000 - marginMs);
    let wait = 0;
    wait = Math.max(wait, windowWait(this.starts, now, 1000 + marginMs, perSecond));
    wait = Math.max(wait, windowWait(this.starts, now, 60_000 + marginMs, perMinute));
    if (batch) wait = Math.max(wait, windowWait(this.batchStarts, now, 60_000 + marginMs, batchPerMinute));
    return wait;
  }
}

function prune(times: number[], before: number): void {
  let drop = 0;
  while (drop < times.length && (times[drop] as number) <= before) drop++;
  if (drop > 0) times.splice(0, drop);
}

/** How long until fewer than `limit` starts fall inside the last `spanMs`. */
function windowWait(times: readonly number[], now: number, spanMs: number, limit: number): number {
  let inside = 0;
  for (let i = times.length - 1; i >= 0 && (times[i] as number) > now - spanMs; i--) inside++;
  if (inside < limit) return 0;
  const oldestThatMustLeave = times[times.length - limit] as number;
  return Math.max(1, oldestThatMustLeave + spanMs - now + 1);
}
