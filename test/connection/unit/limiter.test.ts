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
    const limiter = new RealmLimiter(time, { perSecond: 1000, marginMs: 0 });
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
    const limiter = new RealmLimiter(time, { marginMs: 0 });
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 600 }, () => limiter.run(() => Promise.resolve(void starts.push(time.now())))));
    for (let i = 10; i < starts.length; i++) expect((starts[i] as number) - (starts[i - 10] as number)).toBeGreaterThanOrEqual(1000);
    for (let i = 500; i < starts.length; i++) expect((starts[i] as number) - (starts[i - 500] as number)).toBeGreaterThanOrEqual(60_000);
  });

  it('starts at most 40 batch requests per minute', async () => {
    const time = fakeTime();
    const limiter = new RealmLimiter(time, { marginMs: 0 });
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 50 }, () => limiter.run(() => Promise.resolve(void starts.push(time.now())), 'batch')));
    expect((starts[40] as number) - (starts[0] as number)).toBeGreaterThanOrEqual(60_000);
  });
});
