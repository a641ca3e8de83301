/**
 * How fast Intuit's limits would let a push go, to judge the pace a push reached. The practice
 * company's request log says when each request arrived; from what the windows already held when the
 * push's first batch arrived, `leastSpanMs` works out the earliest the push's last batch could have
 * arrived if every batch were ready at once and answers took no time, under the same limits the
 * practice company enforces: 10 requests a second and 500 a minute per realm, 40 batch requests a minute
 * per realm and app (120 per realm, all apps: only ours here). A push at the budget's full pace takes that
 * long; the share is that least span over the span it took.
 */
export interface Arrival {
  at: number;
  batch: boolean;
}

interface Window {
  spanMs: number;
  limit: number;
  batchOnly: boolean;
}

export const intuitWindows: readonly Window[] = [
  { spanMs: 1000, limit: 10, batchOnly: false },
  { spanMs: 60_000, limit: 500, batchOnly: false },
  { spanMs: 60_000, limit: 40, batchOnly: true },
];

/** The earliest time at or after `t` when one more (batch) request fits every window. */
function earliestFit(arrivals: readonly Arrival[], t: number, windows: readonly Window[]): number {
  for (;;) {
    let next = t;
    for (const w of windows) {
      const inside = arrivals.filter((a) => (!w.batchOnly || a.batch) && a.at > t - w.spanMs && a.at <= t).map((a) => a.at);
      if (inside.length >= w.limit) {
        inside.sort((a, b) => a - b);
        next = Math.max(next, (inside[inside.length - w.limit] as number) + w.spanMs);
      }
    }
    if (next === t) return t;
    t = next;
  }
}

/**
 * The least span from the first of `batches` batch arrivals to the last, given what arrived before
 * (`before`, arrivals earlier than the push's first batch) and `windows`.
 */
export function leastSpanMs(before: readonly Arrival[], firstAt: number, batches: number, windows: readonly Window[] = intuitWindows): number {
  const arrivals: Arrival[] = [...before];
  let t = firstAt;
  for (let k = 0; k < batches; k++) {
    t = earliestFit(arrivals, t, windows);
    arrivals.push({ at: t, batch: true });
  }
  return t - firstAt;
}

interface LoggedRequest {
  at: string;
  endpoint: string;
  status: number;
}

/** The practice company's recent request log as arrivals (refused ones do not count toward its windows). */
export function arrivalsOf(recent: readonly LoggedRequest[]): Arrival[] {
  return recent
    .filter((r) => r.status !== 429 && /^(GET|POST) (query|cdc|batch|item|customer|vendor|estimate|invoice|companyinfo|preferences|purchaseorder|bill|salesreceipt|inventoryadjustment)$/.test(r.endpoint))
    .map((r) => ({ at: Date.parse(r.at), batch: r.endpoint === 'POST batch' }));
}
