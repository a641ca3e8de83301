// Intuit's per-company throttles: requests per minute, per second, in flight at once, and batch
// requests per minute. Windows slide on the sandbox clock, so advancing it empties them.

export interface LimitSettings {
  perMinute: number;
  perSecond: number;
  concurrent: number;
  batchPerMinute: number;
  batchMaxItems: number;
}

export const DEFAULT_LIMITS: LimitSettings = { perMinute: 500, perSecond: 10, concurrent: 10, batchPerMinute: 40, batchMaxItems: 30 };

/** Timestamps inside a sliding window, kept in a growable ring so old ones drop in O(1). */
class Window {
  private times: number[] = [];
  private head = 0;

  constructor(private readonly spanMs: number) {}

  count(now: number): number {
    while (this.head < this.times.length && (this.times[this.head] ?? 0) <= now - this.spanMs) this.head++;
    if (this.head > 4096 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
    return this.times.length - this.head;
  }

  add(now: number): void {
    this.times.push(now);
  }

  clear(): void {
    this.times = [];
    this.head = 0;
  }
}

export type LimitVerdict = { ok: true; release: () => void } | { ok: false; reason: string };

export class RealmLimits {
  private readonly minute = new Window(60_000);
  private readonly second = new Window(1_000);
  private readonly batchMinute = new Window(60_000);
  private inFlight = 0;

  constructor(readonly settings: LimitSettings) {}

  /** Admits one request (refused ones do not count toward the windows), or names the limit hit. */
  admit(now: number, isBatch: boolean): LimitVerdict {
    if (this.inFlight >= this.settings.concurrent) return { ok: false, reason: 'concurrent' };
    if (this.second.count(now) >= this.settings.perSecond) return { ok: false, reason: 'per-second' };
    if (this.minute.count(now) >= this.settings.perMinute) return { ok: false, reason: 'per-minute' };
    if (isBatch && this.batchMinute.count(now) >= this.settings.batchPerMinute) return { ok: false, reason: 'batch-per-minute' };
    this.second.add(now);
    this.minute.add(now);
    if (isBatch) this.batchMinute.add(now);
    this.inFlight++;
    let released = false;
    return {
      ok: true,
      release: () => {
        if (!released) {
          released = true;
          this.inFlight--;
        }
      },
    };
  }

  reset(): void {
    this.minute.clear();
    this.second.clear();
    this.batchMinute.clear();
  }
}
