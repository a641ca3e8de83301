/**
 * The one place that talks to `node-quickbooks`. Its base URL is a class-level (global) field read
 * only when an instance is constructed, so every instance here gets its own `endpoint` right after
 * construction: clients for different bases (tests with several practice companies) coexist. We
 * never use its OAuth helpers (TOKEN_URL/REVOKE_URL), and never call `setOauthVersion('2.0')`
 * (it fetches Intuit's discovery document).
 */
import QuickBooks from 'node-quickbooks';
import { answerFromLibraryError, type RawAnswer } from './answer';

type Callback = (err: unknown, data: unknown, res: unknown) => void;
type LibraryMethod = (this: QuickBooks, ...args: unknown[]) => void;

export interface NqbOptions {
  apiBase: string;
  realmId: string;
  clientId: string;
  minorVersion: number;
}

export class NodeQuickbooksAdapter {
  private readonly qb: QuickBooks;

  constructor(options: NqbOptions) {
    QuickBooks.V3_ENDPOINT_BASE_URL = `${options.apiBase}/v3/company/`;
    // The client secret is not given: node-quickbooks only needs it for OAuth 1 and its own refresh.
    this.qb = new QuickBooks(options.clientId, '', '', false, options.realmId, false, false, String(options.minorVersion), '2.0', null);
    this.qb.endpoint = `${options.apiBase}/v3/company/`;
  }

  /** The library's method for `verb` + entity (`createItem`, `findItems`), or undefined when it has none. */
  method(verb: 'create' | 'get' | 'update' | 'delete' | 'find', entity: string): string | undefined {
    const name = verb === 'find' ? `find${this.qb.pluralize(entity)}` : `${verb}${entity}`;
    const fn = (this.qb as unknown as Record<string, unknown>)[name];
    return typeof fn === 'function' ? name : undefined;
  }

  /** Calls one library method with the given token; never rejects, and keeps no library error object. */
  call(name: string, accessToken: string, args: unknown[], timeoutMs: number): Promise<RawAnswer> {
    const fn = (this.qb as unknown as Record<string, LibraryMethod>)[name];
    if (typeof fn !== 'function') return Promise.resolve({ kind: 'network', what: `no method ${name}` });
    return new Promise<RawAnswer>((resolve) => {
      let settled = false;
      const timer = setTimeout(() => finish({ kind: 'network', what: 'timed out' }), timeoutMs);
      function finish(answer: RawAnswer): void {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(answer);
      }
      const callback: Callback = (err, data, res) => {
        if (err === null || err === undefined) {
          const status = typeof res === 'object' && res !== null && typeof (res as { status?: unknown }).status === 'number'
            ? (res as { status: number }).status
            : 200;
          // The library hands back the entity alone; the whole answer also carries QuickBooks' `time`.
          const whole = typeof res === 'object' && res !== null ? (res as { data?: unknown }).data : undefined;
          finish({ kind: 'http', status, body: typeof whole === 'object' && whole !== null && !Array.isArray(whole) ? whole : data, retryAfter: null });
        } else {
          finish(answerFromLibraryError(err, res));
        }
      };
      try {
        // The token is read synchronously when the request is built, so concurrent calls are safe.
        this.qb.token = accessToken;
        fn.call(this.qb, ...args, callback);
      } catch {
        finish({ kind: 'network', what: 'request could not be built' });
      }
    });
  }
}
