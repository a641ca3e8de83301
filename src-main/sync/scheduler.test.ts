import { describe, expect, it } from 'vitest';
import type { SyncTrigger } from '../../src-shared/ipc';
import { createScheduler, type Timers } from './scheduler';

/** Timers and a clock the test moves by hand. */
function manualTime() {
  let now = 0;
  let next = 1;
  const pending = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    setTimeout(callback, ms) {
      const id = next++;
      pending.set(id, { at: now + ms, run: callback });
      return id;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    timers,
    clock: { now: () => new Date(now) },
    pending: () => [...pending.values()].map((p) => p.at - now),
    async advance(ms: number) {
      now += ms;
      for (const [id, p] of [...pending.entries()].sort((a, b) => a[1].at - b[1].at)) {
        if (p.at <= now) {
          pending.delete(id);
          p.run();
          await new Promise((r) => setImmediate(r));
        }
      }
    },
  };
}

function recorder(outcome: () => boolean = () => true) {
  const runs: SyncTrigger[] = [];
  let release: (() => void) | null = null;
  let hold = false;
  return {
    runs,
    holdNext() {
      hold = true;
    },
    release() {
      release?.();
    },
    run(trigger: SyncTrigger): Promise<boolean> {
      runs.push(trigger);
      if (!hold) return Promise.resolve(outcome());
      hold = false;
      return new Promise((resolve) => {
        release = () => resolve(outcome());
      });
    },
  };
}

// Long as a block of many short tests, not as one function.
describe('the sync scheduler', () => {
  it('catches up at start, then runs every interval', async () => {
    const t = manualTime();
    const r = recorder();
    const s = createScheduler({ clock: t.clock, timers: t.timers, intervalMinutes: () => 15, run: (x) => r.run(x) });
    s.start();
    await t.advance(0);
    expect(r.runs).toEqual(['startup']);
    expect(t.pending()).toEqual([15 * 60_000]);
    expect(s.nextRunAt()?.getTime()).toBe(15 * 60_000);
    await t.advance(15 * 60_000);
    await t.advance(15 * 60_000);
    expect(r.runs).toEqual(['startup', 'interval', 'interval']);
    await s.stop();
  });

  it('plans nothing automatic in manual-only mode, but Sync Now still runs', async () => {
    const t = manualTime();
    const r = recorder();
    const s = createScheduler({ clock: t.clock, timers: t.timers, intervalMinutes: () => null, run: (x) => r.run(x) });
    s.start();
    await t.advance(0);
    expect(t.pending()).toEqual([]);
    await s.trigger('manual');
    expect(r.runs).toEqual(['startup', 'manual']);
    await s.stop();
  });

  it('never runs twice at once: a trigger during a run queues one run after it', async () => {
    const t = manualTime();
    const r = recorder();
    const s = createScheduler({ clock: t.clock, timers: t.timers, intervalMinutes: () => 60, run: (x) => r.run(x) });
    r.holdNext();
    const first = s.trigger('manual');
    expect(s.isRunning()).toBe(true);
    const second = s.trigger('manual');
    const third = s.trigger('orderPosted');
    expect(r.runs).toEqual(['manual']);
    r.release();
    await Promise.all([first, second, third]);
    expect(r.runs).toEqual(['manual', 'manual']);
    expect(s.isRunning()).toBe(false);
  });

  it('after QuickBooks could not be reached, tries again a minute later as a reconnect', async () => {
    const t = manualTime();
    let online = false;
    const r = recorder(() => online);
    const s = createScheduler({ clock: t.clock, timers: t.timers, intervalMinutes: () => 30, run: (x) => r.run(x), offlineRetryMs: 60_000 });
    s.start();
    await t.advance(0);
    expect(t.pending()).toEqual([60_000]);
    online = true;
    await t.advance(60_000);
    expect(r.runs).toEqual(['startup', 'reconnected']);
    expect(t.pending()).toEqual([30 * 60_000]);
    await s.stop();
  });

  it('re-plans when the interval changes, and stop waits for the run in progress', async () => {
    const t = manualTime();
    const r = recorder();
    let minutes = 30;
    const s = createScheduler({ clock: t.clock, timers: t.timers, intervalMinutes: () => minutes, run: (x) => r.run(x) });
    s.start();
    await t.advance(0);
    minutes = 5;
    s.replan();
    expect(t.pending()).toEqual([5 * 60_000]);
    r.holdNext();
    void s.trigger('manual');
    let stopped = false;
    const stopping = s.stop().then(() => (stopped = true));
    await t.advance(0);
    expect(stopped).toBe(false);
    r.release();
    await stopping;
    expect(stopped).toBe(true);
    expect(t.pending()).toEqual([]);
  });
});
