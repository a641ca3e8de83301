/** Helpers for connection tests: a practice company, its admin API, and a "browser" that consents. */
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src-main/sandbox';
import type { QboTime } from '../../src-main/qbo';

export async function practiceCompany(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ seed: 7, size: 'tiny', ...options });
}

export async function admin(sb: Sandbox, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${sb.adminUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return (await res.json()) as Record<string, unknown>;
}

export async function requestCounts(sb: Sandbox): Promise<Record<string, number>> {
  return (await admin(sb, '/requests')).byEndpoint as Record<string, number>;
}

export async function injectFault(sb: Sandbox, kind: string, match: Record<string, string>, count = 1, delayMs?: number): Promise<void> {
  await admin(sb, '/faults', { kind, match, count, ...(delayMs === undefined ? {} : { delayMs }) });
}

/**
 * Plays the user's browser: opens the authorize page, presses Connect on the consent form, and
 * follows the redirect back to ShelfSync's loopback listener. Answers the page ShelfSync showed.
 */
export function consentingBrowser(sb: Sandbox, seen: string[] = []): (url: string) => Promise<void> {
  return async (url) => {
    seen.push(url);
    const page = await fetch(url, { redirect: 'manual' });
    const html = await page.text();
    const ticket = /name="ticket" value="([^"]+)"/.exec(html)?.[1];
    if (!ticket) throw new Error(`no consent form at ${url}: ${html.slice(0, 200)}`);
    const decided = await fetch(`${sb.baseUrl}/connect/oauth2`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ticket, decision: 'allow' }).toString(),
    });
    const back = decided.headers.get('location');
    if (!back) throw new Error('the consent page did not send the browser back');
    seen.push(back);
    const shown = await fetch(back);
    seen.push(await shown.text());
  };
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
