/**
 * One connect attempt: listen on the loopback, open the authorize page in the user's browser, wait
 * for QuickBooks to send the browser back, check `state`, exchange the code for tokens.
 *
 * Redirect URIs: unset → http://127.0.0.1:<random port>/callback (development keys, the practice
 * company). An http loopback URI (`http://localhost:8765/callback`) → we listen on exactly that port
 * and path. An https URI is a relay (production keys need https): it must forward the query string
 * to http://127.0.0.1:<port>/callback, where <port> is the part of `state` after the last dot.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { startLoopback, type Loopback } from './loopback';
import type { IntuitOAuth, TokenAnswer } from './oauthClient';
import { AuthFailure } from './oauthClient';

export const CALLBACK_PATH = '/callback';

export type ConnectFailureReason = 'cancelled' | 'timeout' | 'state' | 'denied' | 'refused' | 'network';

export class ConnectFailure extends Error {
  constructor(
    readonly reason: ConnectFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'ConnectFailure';
  }
}

export interface ConnectFlowOptions {
  oauth: IntuitOAuth;
  /** Configured redirect URI; see the module comment. */
  redirectUri?: string;
  /** Opens the authorize URL (the system browser, or a test's HTTP client). */
  openExternal: (url: string) => Promise<void>;
  /** Told the authorize URL as soon as it exists (the CLI prints it). */
  onAuthorizeUrl?: (url: string) => void;
  timeoutMs: number;
  signal: AbortSignal;
}

export interface ConnectFlowResult {
  realmId: string;
  tokens: TokenAnswer;
}

interface Plan {
  listenPort: number;
  path: string;
  redirectUri: (port: number) => string;
  relay: boolean;
}

function plan(configured: string | undefined): Plan {
  if (!configured) return { listenPort: 0, path: CALLBACK_PATH, redirectUri: (p) => `http://127.0.0.1:${p}${CALLBACK_PATH}`, relay: false };
  const url = new URL(configured);
  if (url.protocol === 'https:') return { listenPort: 0, path: CALLBACK_PATH, redirectUri: () => configured, relay: true };
  const port = url.port === '' ? 0 : Number(url.port);
  const path = url.pathname === '' ? '/' : url.pathname;
  return {
    listenPort: port,
    path,
    redirectUri: (p) => {
      const u = new URL(configured);
      u.port = String(p);
      return u.toString();
    },
    relay: false,
  };
}

export async function runConnectFlow(options: ConnectFlowOptions): Promise<ConnectFlowResult> {
  const p = plan(options.redirectUri);
  const loopback = await startLoopback(p.listenPort, p.path);
  const redirectUri = p.redirectUri(loopback.port);
  const nonce = randomBytes(24).toString('base64url');
  const state = p.relay ? `${nonce}.${loopback.port}` : nonce;
  let finished = false;
  const finish = (ok: boolean, message: string) => {
    if (finished) return;
    finished = true;
    loopback.finish(ok, message);
  };
  try {
    const authorizeUrl = options.oauth.authorizeUrl(redirectUri, state);
    options.onAuthorizeUrl?.(authorizeUrl);
    // A browser that cannot be opened is not fatal: the URL was offered to the user as well.
    options.openExternal(authorizeUrl).catch(() => undefined);
    const url = await waitForRedirect(loopback, options);
    const realmId = checkRedirect(url, state);
    let tokens: TokenAnswer;
    try {
      tokens = await options.oauth.exchangeCode(url.toString(), redirectUri);
    } catch (error) {
      const failure = error instanceof AuthFailure ? error : new AuthFailure('refused', 'QuickBooks refused the sign-in. Try connecting again.');
      throw new ConnectFailure(failure.reason === 'network' ? 'network' : 'refused', failure.message);
    }
    finish(true, 'QuickBooks is connected. ShelfSync is reading the company now.');
    return { realmId, tokens };
  } catch (error) {
    finish(false, error instanceof Error ? error.message : 'The connection did not complete.');
    throw error;
  } finally {
    if (!finished) loopback.close();
  }
}

async function waitForRedirect(loopback: Loopback, options: ConnectFlowOptions): Promise<URL> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  try {
    return await Promise.race([
      loopback.redirect,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const minutes = Math.max(1, Math.round(options.timeoutMs / 60_000));
          reject(new ConnectFailure('timeout', `QuickBooks did not send the browser back within ${minutes} minute${minutes === 1 ? '' : 's'}. Start the connection again and finish signing in in the browser.`));
        }, options.timeoutMs);
      }),
      new Promise<never>((_, reject) => {
        onAbort = () => reject(new ConnectFailure('cancelled', 'The connection to QuickBooks was cancelled.'));
        if (options.signal.aborted) onAbort();
        else options.signal.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
    if (onAbort) options.signal.removeEventListener('abort', onAbort);
  }
}

/** The realm id from a redirect whose `state` is ours; refuses anything else. */
function checkRedirect(url: URL, expectedState: string): string {
  const state = url.searchParams.get('state') ?? '';
  if (!sameText(state, expectedState)) {
    throw new ConnectFailure('state', 'The answer that came back did not belong to the connection ShelfSync started (state mismatch), so it was refused. Nothing was connected; start the connection again.');
  }
  const error = url.searchParams.get('error');
  if (error === 'access_denied') throw new ConnectFailure('denied', 'The connection was declined in QuickBooks. Nothing was connected.');
  if (error) throw new ConnectFailure('refused', `QuickBooks refused the connection (${error.slice(0, 60)}). Try again.`);
  const code = url.searchParams.get('code');
  const realmId = url.searchParams.get('realmId');
  if (!code || !realmId) throw new ConnectFailure('refused', 'QuickBooks sent the browser back without a company. Try connecting again.');
  return realmId;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
