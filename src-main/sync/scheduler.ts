/**
 * When runs happen: at start (catch-up), every interval, on Sync Now, and soon after an offline spell.
 * One run at a time; a trigger during a run queues one more run after it, never a parallel one.
 */
import type { Clock } from '../../src-shared/effects';
import type { SyncTrigger } from '../../src-shared/ipc';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface SchedulerOptions {
  clock: Clock;
  timers: Timers;
  /** Minutes between automatic runs, or null for manual only. */
  intervalMinutes(): number | null;
  /** Runs one sync; resolves true when QuickBooks was reachable. */
  run(trigger: SyncTrigger): Promise<boolean>;
  /** How soon to try again after QuickBooks could not be reached. */
  offlineRetryMs?: number;
  /** Called once no run is going any more (after the last queued one). */
  onIdle?: () => void;
}

export interface Scheduler {
  start(): void;
  trigger(trigger: SyncTrigger): Promise<void>;
  /** Settings changed: re-plan the next automatic run. */
  replan(): void;
  nextRunAt(): Date | null;
  isRunning(): boolean;
  isStarted(): boolean;
  /** Stops planning runs; resolves once a run in progress has finished. */
  stop(): Promise<void>;
}

// eslint-disable-next-line max-lines-per-function -- long only as a whole: small closures (plan, trigger, the handle's methods) over one scheduler's state
export function createScheduler(options: SchedulerOptions): Scheduler {
  const offlineRetryMs = options.offlineRetryMs ?? 60_000;
  let timer: unknown = null;
  let next: Date | null = null;
  let running: Promise<void> | null = null;
  let queued: SyncTrigger | null = null;
  let offline = false;
  let stopped = true;

  const plan = () => {
    if (timer !== null) options.timers.clearTimeout(timer);
    timer = null;
    next = null;
    if (stopped) return;
    const minutes = options.intervalMinutes();
    const ms = offline ? offlineRetryMs : minutes === null ? null : minutes * 60_000;
    if (ms === null) return;
    next = new Date(options.clock.now().getTime() + ms);
    timer = options.timers.setTimeout(() => {
      timer = null;
      void trigger(offline ? 'reconnected' : 'interval');
    }, ms);
  };

  const trigger = (why: SyncTrigger): Promise<void> => {
    if (running) {
      queued ??= why;
      return running;
    }
    running = (async () => {
      try {
        let current: SyncTrigger | null = why;
        while (current) {
          queued = null;
          offline = !(await options.run(current));
          current = queued;
        }
      } finally {
        running = null;
        plan();
        options.onIdle?.();
      }
    })();
    return running;
  };

  return {
    start() {
      stopped = false;
      void trigger('startup');
    },
    trigger,
    replan: plan,
    nextRunAt: () => next,
    isRunning: () => running !== null,
    isStarted: () => !stopped,
    async stop() {
      stopped = true;
      queued = null;
      plan();
      await running;
    },
  };
}
