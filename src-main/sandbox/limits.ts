// Intuit's throttles: per company (realm) requests per minute and batch requests per minute for all
// apps together; per realm and app requests per second, in flight at once and batch requests per
// minute. Windows slide on the sandbox clock, so advancing it empties them.

export interface LimitSettings {
  /** Requests per minute per realm, all apps together. */
  perMinute: number;
  /** Per realm and app. */
  perSecond: number;
  /** In flight at once, per realm and app. */
  concurrent: number;
  /** Batch requests per minute per realm and app. */
  batchPerMinute: number;
  /** Batch requests per minute per realm, all apps together (Intuit, since 2025-10-31). */
  batchPerRealmMinute: number;
  batchMaxItems: number;
  /** Intuit ends a request that runs longer than this (120 s). */
  requestTimeoutMs: number;
}

export const DEFAULT_LIMITS: LimitSettings = {
  perMinute: 500, perSecond: 10, concurrent: 10, batchPerMinute: 40, batchPerRealmMinute: 120, batchMaxItems: 30, requestTimeoutMs: 120_000,
};

export const LIMIT_KEYS = ['perMinute', 'perSecond', 'concurrent', 'batchPerMinute', 'batchPerRealmMinute', 'batchMaxItems', 'requestTimeoutMs'] as const;

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

/** What one app connected to the realm has used. */
class AppWindows {
  readonly second = new Window(1_000);
  readonly batchMinute = new Window(60_000);
  inFlight = 0;
}

/** The app a request comes from when the grant names none: the registered one. */
export const OWN_APP = '';

export class RealmLimits {
  private readonly minute = new Window(60_000);
  private readonly batchMinute = new Window(60_000);
  private readonly apps = new Map<string, AppWindows>();

  constructor(readonly settings: LimitSettings) {}

  private app(key: string): AppWindows {
    let w = this.apps.get(key);
    if (!w) this.apps.set(key, (w = new AppWindows()));
    return w;
  }

  /** Admits one request of `app` (refused ones do not count toward the windows), or names the limit hit. */
  admit(now: number, isBatch: boolean, app: string = OWN_APP): LimitVerdict {
    const s = this.settings;
    const own = this.app(app);
    if (own.inFlight >= s.concurrent) return { ok: false, reason: 'concurrent' };
    if (own.second.count(now) >= s.perSecond) return { ok: false, reason: 'per-second' };
    if (this.minute.count(now) >= s.perMinute) return { ok: false, reason: 'per-minute' };
    if (isBatch && own.batchMinute.count(now) >= s.batchPerMinute) return { ok: false, reason: 'batch-per-minute' };
    if (isBatch && this.batchMinute.count(now) >= s.batchPerRealmMinute) return { ok: false, reason: 'batch-per-realm-minute' };
    own.second.add(now);
    this.minute.add(now);
    if (isBatch) {
      own.batchMinute.add(now);
      this.batchMinute.add(now);
    }
    own.inFlight++;
    let released = false;
    return {
      ok: true,
      release: () => {
        if (!released) {
          released = true;
          own.inFlight--;
        }
      },
    };
  }

  reset(): void {
    this.minute.clear();
    this.batchMinute.clear();
    // Requests still in flight keep their app's counter; only the windows empty.
    for (const w of this.apps.values()) {
      w.second.clear();
      w.batchMinute.clear();
    }
  }
}
