// The authorize page: checks the app and redirect URI, shows a small consent form (or consents
// at once with autoConsent) and sends the browser back with code, state and realmId.

import { escapeHtml, html, redirect, type HttpResult } from './http.js';
import { KNOWN_SCOPES, redirectUriAllowed, type AppRegistration } from './oauth-config.js';
import { CODE_TTL_S, secret, type TokenStore } from './tokens.js';

interface Ticket {
  redirectUri: string;
  scope: string[];
  state: string;
  expiresAt: number;
}

const TICKET_TTL_MS = 10 * 60_000;

function errorPage(message: string): HttpResult {
  return html(400, `<!doctype html><html><head><meta charset="utf-8"><title>Connection error</title></head>`
    + `<body><h1>We couldn't connect this app</h1><p>${escapeHtml(message)}</p></body></html>`);
}

function withParams(uri: string, params: Record<string, string>): string {
  const u = new URL(uri);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}

export class ConsentFlow {
  private readonly tickets = new Map<string, Ticket>();

  constructor(
    private readonly app: AppRegistration,
    private readonly tokens: TokenStore,
    private readonly autoConsent: boolean,
    private readonly now: () => number,
  ) {}

  authorize(params: URLSearchParams): HttpResult {
    if (params.get('client_id') !== this.app.clientId) return errorPage('The client_id is not registered with this sandbox.');
    const redirectUri = params.get('redirect_uri') ?? '';
    if (!redirectUriAllowed(this.app.redirectUris, redirectUri)) {
      return errorPage('The redirect_uri is not one of the app\'s registered redirect URIs.');
    }
    const state = params.get('state') ?? '';
    const back = (error: string): HttpResult => redirect(withParams(redirectUri, state === '' ? { error } : { error, state }));
    if (params.get('response_type') !== 'code') return back('unsupported_response_type');
    if (state === '') return back('invalid_request');
    const scope = (params.get('scope') ?? '').split(/\s+/).filter((s) => s !== '');
    if (scope.length === 0 || scope.some((s) => !KNOWN_SCOPES.has(s))) return back('invalid_scope');
    if (this.autoConsent) return this.issue(redirectUri, scope, state);
    const ticket = secret('t', 18);
    this.tickets.set(ticket, { redirectUri, scope, state, expiresAt: this.now() + TICKET_TTL_MS });
    return html(200, this.page(ticket, scope));
  }

  decide(form: Map<string, string>): HttpResult {
    const id = form.get('ticket') ?? '';
    const ticket = this.tickets.get(id);
    this.tickets.delete(id);
    if (!ticket || this.now() >= ticket.expiresAt) return errorPage('This consent page has expired. Start the connection again.');
    if (form.get('decision') !== 'allow') {
      return redirect(withParams(ticket.redirectUri, { error: 'access_denied', state: ticket.state }));
    }
    return this.issue(ticket.redirectUri, ticket.scope, ticket.state);
  }

  private issue(redirectUri: string, scope: string[], state: string): HttpResult {
    const code = secret('AB', 24);
    this.tokens.codes.set(code, {
      clientId: this.app.clientId, redirectUri, scope, realmId: this.app.realmId, expiresAt: this.now() + CODE_TTL_S * 1000, used: false,
    });
    return redirect(withParams(redirectUri, { code, state, realmId: this.app.realmId }));
  }

  private page(ticket: string, scope: string[]): string {
    const app = escapeHtml(this.app.appName);
    const company = escapeHtml(this.app.companyName);
    return `<!doctype html><html><head><meta charset="utf-8"><title>Connect ${app}</title></head><body>`
      + `<h1>Connect ${app} to ${company}</h1>`
      + `<p>${app} is asking to use your QuickBooks company <strong>${company}</strong> (practice company).</p>`
      + `<p>Access requested: ${escapeHtml(scope.join(', '))}</p>`
      + '<form method="post" action="/connect/oauth2">'
      + `<input type="hidden" name="ticket" value="${escapeHtml(ticket)}">`
      + '<button type="submit" name="decision" value="allow">Connect</button> '
      + '<button type="submit" name="decision" value="deny">Cancel</button>'
      + '</form></body></html>';
  }
}
