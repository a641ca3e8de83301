/** Helpers for connection tests: a practice company, its admin API (test/support/practiceAdmin.ts), and a "browser" that consents. */
import { startPracticeCompany, type PracticeCompanyServer, type PracticeCompanyOptions } from '../../src-main/sandbox';
import type { QboTime } from '../../src-main/qbo';
import { consentAt } from '../support/consent';

export async function practiceCompany(options: PracticeCompanyOptions = {}): Promise<PracticeCompanyServer> {
  return startPracticeCompany({ seed: 7, size: 'tiny', ...options });
}

export { admin, injectFault, requestCounts } from '../support/practiceAdmin';

/**
 * Plays the user's browser: opens the authorize page, presses Connect on the consent form, and
 * follows the redirect back to ShelfSync's loopback listener. Records what it saw, and the page
 * ShelfSync showed at the end.
 */
export function consentingBrowser(sb: PracticeCompanyServer, seen: string[] = []): (url: string) => Promise<void> {
  return consentAt(sb.baseUrl, seen);
}

/** Time that moves only when someone sleeps: retries and limiter waits finish at once. */
export function fakeTime(start = Date.now()): QboTime & { slept: number[]; advance(ms: number): void } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    random: () => 0.5,
    advance(ms) {
      now += ms;
    },
    sleep(ms) {
      slept.push(ms);
      now += ms;
      return new Promise((resolve) => setImmediate(resolve));
    },
  };
}
