import { describe, expect, it } from 'vitest';
import { RealmLimiter } from '../../../src-main/qbo/limiter';
import type { QboTime } from '../../../src-main/qbo/time';

function fakeTime(): QboTime & { t: number } {
  const time = {
    t: 0,
    now: () => time.t,
    random: () => 0,
    sleep: (ms: number) => {
      time.t += ms;
      return new Promise<void>((resolve) => setImmediate(resolve));
    },
  };
  return time;
}

describe('the per-realm limiter', () => {
  it('never runs more than 10 at once', async () => {
    const time = fakeTime();
    const limiter = new RealmLimiter(time, { perSecond: 1000 });
    let running = 0;
    let peak = 0;
    const task = async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setImmediate(r));
      running--;
    };
    await Promise.all(Array.from({ length: 40 }, () => limiter.run(task)));
    expect(peak).toBe(10);
  });

  it('starts at most 10 per second and 500 per minute', async () => {
    const time = fakeTime();
    const limiter = new RealmLimiter(time);
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 600 }, () => limiter.run(() => Promise.resolve(void starts.push(time.now())))));
    for (let i = 10; i < starts.length; i++) expect((starts[i] as number) - (starts[i - 10] as number)).toBeGreaterThanOrEqual(1000);
    for (let i = 500; i < starts.length; i++) expect((starts[i] as number) - (starts[i - 500] as number)).toBeGreaterThanOrEqual(60_000);
  });

  it('starts at most 40 batch requests per minute', async () => {
    const time = fakeTime();
    const limiter = new RealmLimiter(time);
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 50 }, () => limiter.run(() => Promise.resolve(void starts.push(time.now())), 'batch')));
    expect((starts[40] as number) - (starts[0] as number)).toBeGreaterThanOrEqual(60_000);
  });

  it('keeps a request\'s place in a window until a whole window after its answer, so a slow answer cannot squeeze arrivals together', async () => {
    const time = fakeTime();
    const limiter = new RealmLimiter(time, { perSecond: 2 });
    const spans: { start: number; end: number }[] = [];
    // Each request takes 400 ms to answer (QuickBooks may count it anywhere in that time).
    const slow = () => limiter.run(async () => {
      const start = time.now();
      await time.sleep(400);
      spans.push({ start, end: time.now() });
    });
    await slow();
    await slow();
    await slow();
    await slow();
    // The third may start only a second after the first one's answer, not a second after its start.
    for (let i = 2; i < spans.length; i++) {
      expect((spans[i] as { start: number }).start).toBeGreaterThan((spans[i - 2] as { end: number }).end + 1000);
    }
    // …and no later than needed: one millisecond past that.
    expect((spans[2] as { start: number }).start).toBe((spans[0] as { end: number }).end + 1001);
  });

  it('waits for a request in flight when every place is held by requests still running', async () => {
    const time = fakeTime();
    const limiter = new RealmLimiter(time, { perSecond: 1 });
    let release: () => void = () => undefined;
    const order: string[] = [];
    const first = limiter.run(() => new Promise<void>((r) => (release = () => (order.push('first ends'), r()))));
    const second = limiter.run(() => Promise.resolve(void order.push(`second starts at ${time.now()}`)));
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(order).toEqual([]);
    time.t = 250;
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first ends', 'second starts at 1251']);
  });

  it('frees a place a window after QuickBooks stamped its answer, read with the closest clock offset, never before the start', async () => {
    const time = fakeTime();
    const limiter = new RealmLimiter(time, { perSecond: 1 });
    const starts: number[] = [];
    // QuickBooks' clock runs 5 s ahead of ours; answers reach us 300 ms after it stamps them, except the
    // first, which came back at once (so it shows the offset best).
    const call = (lag: number, stampAt = (t: number) => t + 5000) =>
      limiter.run(async (answeredAt) => {
        starts.push(time.now());
        const stamped = stampAt(time.now() + 100);
        await time.sleep(100 + lag);
        answeredAt(stamped);
      });
    await call(0);
    await call(300);
    await call(300);
    // First: stamped at 100 (ours), read at 100. Second starts at 1101, stamped at 1201, read at 1501:
    // the third may start a second after 1201, not after 1501.
    expect(starts).toEqual([0, 1101, 2202]);
    // A stamp that would put the answer before the request started cannot free the place any sooner.
    await call(0, () => -1_000_000);
    await call(0);
    expect((starts[4] as number) - (starts[3] as number)).toBeGreaterThanOrEqual(1001);
  });
});

