/**
 * QuickBooks failures as data: `QboError` with Intuit's code and element and a message a clerk can
 * act on. Raw HTTP errors (they carry the Authorization header) never leave `qbo/`.
 */
import { parseFault, type ParsedFault } from './faultParse';
import { redactSecrets } from '../../src-shared/redact';

export type QboErrorKind = 'throttled' | 'stale' | 'duplicate' | 'validation' | 'notFound' | 'auth' | 'network' | 'server';

export interface QboErrorInit {
  kind: QboErrorKind;
  message: string;
  code?: string | null;
  element?: string | null;
  detail?: string | null;
  status?: number | null;
  retryAfterMs?: number;
}

export class QboError extends Error {
  readonly kind: QboErrorKind;
  readonly code: string | null;
  readonly element: string | null;
  readonly detail: string | null;
  readonly status: number | null;
  readonly retryAfterMs?: number;

  constructor(init: QboErrorInit) {
    super(redactSecrets(init.message));
    this.name = 'QboError';
    this.kind = init.kind;
    this.code = init.code ?? null;
    this.element = init.element ?? null;
    this.detail = init.detail === undefined || init.detail === null ? null : redactSecrets(init.detail);
    this.status = init.status ?? null;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }

  /** Safe to log, persist or send to the renderer: no headers, no tokens. */
  toJSON(): Record<string, unknown> {
    return { kind: this.kind, code: this.code, element: this.element, detail: this.detail, status: this.status, message: this.message };
  }
}

/** What the failing request was about, so the message can name it. */
export interface FaultContext {
  entity?: string;
  id?: string;
  body?: Record<string, unknown>;
}

/** A QboError from an HTTP status and body (any shape), or null when the answer is a success. */
export function faultToError(status: number, body: unknown, ctx: FaultContext = {}, retryAfterMs?: number): QboError | null {
  const fault = parseFault(body);
  if (status < 400 && !fault) return null;
  const f: ParsedFault = fault ?? { code: null, message: null, detail: null, element: null, type: null };
  const kind = kindOf(status, f);
  const init: QboErrorInit = { kind, message: messageFor(kind, f, ctx, status), code: f.code, element: f.element, detail: f.detail ?? f.message, status };
  if (retryAfterMs !== undefined) init.retryAfterMs = retryAfterMs;
  return new QboError(init);
}

export function networkError(what: string): QboError {
  return new QboError({
    kind: 'network',
    message: `ShelfSync could not reach QuickBooks (${what}). Check the internet connection; ShelfSync will try again.`,
  });
}

function kindOf(status: number, f: ParsedFault): QboErrorKind {
  const code = f.code ?? '';
  if (status === 429 || code === '3001' || /ThrottleExceeded/i.test(f.message ?? '')) return 'throttled';
  if (status === 401 || code === '3200' || code === '3100' || code === '100' || status === 403) return 'auth';
  if (code === '5010') return 'stale';
  if (code === '6240' || code === '6140') return 'duplicate';
  if (code === '610' || status === 404) return 'notFound';
  if (status >= 500) return 'server';
  return 'validation';
}

const quoted = (s: string) => `“${s}”`;

function displayName(body: Record<string, unknown> | undefined): string | null {
  const name = body?.DisplayName ?? body?.Name;
  return typeof name === 'string' && name !== '' ? name : null;
}

function what(ctx: FaultContext): string {
  return ctx.entity ? humanEntity(ctx.entity) : 'record';
}

function humanEntity(entity: string): string {
  return entity.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function messageFor(kind: QboErrorKind, f: ParsedFault, ctx: FaultContext, status: number): string {
  const code = f.code ?? '';
  switch (kind) {
    case 'throttled':
      return 'QuickBooks is busy and asked ShelfSync to slow down. ShelfSync will try again in about a minute; nothing was lost.';
    case 'auth':
      return code === '3100' || status === 403
        ? 'QuickBooks refused access to this company. Reconnect to QuickBooks in Settings → Connection.'
        : 'QuickBooks did not accept the saved sign-in. Reconnect to QuickBooks in Settings → Connection.';
    case 'stale':
      return `Someone changed this ${what(ctx)} in QuickBooks while ShelfSync was saving it. Sync again to pick up their version first.`;
    case 'duplicate': {
      if (code === '6240') {
        const name = displayName(ctx.body);
        return `A customer, vendor or employee named ${name ? quoted(name) : 'like this'} already exists in QuickBooks. Rename one of them.`;
      }
      const doc = typeof ctx.body?.DocNumber === 'string' ? ` ${ctx.body.DocNumber}` : '';
      return `The document number${doc} is already used by another ${what(ctx)} in QuickBooks. Give this one a different number.`;
    }
    case 'notFound':
      return `This ${what(ctx)}${ctx.id ? ` (QuickBooks Id ${ctx.id})` : ''} no longer exists in QuickBooks or was made inactive. Check it in QuickBooks, then sync again.`;
    case 'server':
      return `QuickBooks had a problem on its side (HTTP ${status}). ShelfSync will try again later; nothing was lost.`;
    case 'validation':
      if (code === '2500') {
        return `Something this ${what(ctx)} refers to${f.element ? ` (${f.element})` : ''} does not exist in QuickBooks or was made inactive. Check it, then sync again.`;
      }
      if (code === '6210') return `The accounting period for this ${what(ctx)} is closed in QuickBooks. Change its date or ask your accountant to reopen the period.`;
      if (code === '5020') return `QuickBooks refused the ${what(ctx)}: the company's QuickBooks plan does not include ${what(ctx)}s (they need QuickBooks Online Plus or Advanced). Upgrade the plan, or turn the feature off in Settings.`;
      // 6190 is both "the subscription ended" and "the plan lacks this feature".
      if (code === '6190') return "QuickBooks refused the change: the company's QuickBooks subscription has ended or does not include this feature. Check the QuickBooks plan, or turn the feature off in Settings.";
      return `QuickBooks refused the ${what(ctx)}: ${f.detail ?? f.message ?? `HTTP ${status}`}${code ? ` (code ${code})` : ''}.`;
    case 'network':
      return 'ShelfSync could not reach QuickBooks. Check the internet connection; ShelfSync will try again.';
  }
}
