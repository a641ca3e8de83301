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
});
