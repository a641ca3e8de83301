/**
 * QuickBooks-client time for tests in real time: the clock is the real one and short waits (the
 * limiter's pacing) really happen, so the practice company's real-time throttles are respected; long
 * waits (a throttle's 60 s, back-off) are cut to `maxSleepMs`, so retries cost little wall time.
 */
import type { QboTime } from '../../src-main/qbo';

export function cappedTime(maxSleepMs = 300): QboTime {
  return {
    now: () => Date.now(),
    random: () => 0.5,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, maxSleepMs))),
  };
}
