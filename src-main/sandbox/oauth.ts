// Token, revoke and user-info endpoints, and the bearer check in front of the accounting API.

import { createHmac, timingSafeEqual } from 'node:crypto';
import { authFailureJson } from './errors.js';
import { json, parseParams, type HttpResult } from './http.js';
import { toJsonObject, type JsonObject } from './json.js';
import { ACCOUNTING_SCOPE, type AppRegistration } from './oauth-config.js';
import { ACCESS_TTL_S, type Grant, type IssuedTokens, type TokenStore } from './tokens.js';

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

const oauthError = (status: number, error: string, description?: string): HttpResult =>
  json(status, description === undefined ? { error } : { error, error_description: description }, NO_STORE);

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function b64url(value: JsonObject): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export type BearerCheck = { ok: true; grant: Grant } | { ok: false; result: HttpResult };

export class OAuthEndpoints {
  constructor(
    private readonly app: AppRegistration,
    private readonly tokens: TokenStore,
    private readonly now: () => number,
  ) {}

  private clientAuthenticated(authorization: string | undefined): boolean {
    const m = /^Basic\s+(.+)$/i.exec(authorization ?? '');
    if (!m?.[1]) return false;
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return false;
    return sameText(decoded.slice(0, colon), this.app.clientId) && sameText(decoded.slice(colon + 1), this.app.clientSecret);
  }

  token(authorization: string | undefined, contentType: string | undefined, body: string, includeHardExpiry: boolean): HttpResult {
    if (!this.clientAuthenticated(authorization)) return oauthError(401, 'invalid_client');
    const params = parseParams(body, contentType);
    const grantType = params.get('grant_type');
    const now = this.now();
    if (grantType === 'authorization_code') {
      const code = params.get('code');
      const redirectUri = params.get('redirect_uri');
      if (code === undefined || redirectUri === undefined) return oauthError(400, 'invalid_request');
      const entry = this.tokens.codes.get(code);
      if (!entry || entry.used || now >= entry.expiresAt || entry.clientId !== this.app.clientId) return oauthError(400, 'invalid_grant');
      entry.used = true;
      if (entry.redirectUri !== redirectUri) return oauthError(400, 'invalid_grant', 'redirect_uri does not match the authorization request');
      const grant = this.tokens.createGrant(entry.realmId, entry.scope, now);
      return this.answer(grant, this.tokens.issueRefresh(grant, now), now, now, includeHardExpiry);
    }
    if (grantType === 'refresh_token') {
      const refresh = params.get('refresh_token');
      if (refresh === undefined) return oauthError(400, 'invalid_request');
      const outcome = this.tokens.useRefresh(refresh, now);
      if (!outcome.ok) return oauthError(400, 'invalid_grant');
      return this.answer(outcome.grant, outcome.token, outcome.issuedAt, now, includeHardExpiry);
    }
    return oauthError(400, 'unsupported_grant_type');
  }

  /**
   * Issues tokens without the browser step (admin API and in-process helper); with `app`, as another
   * app connected to the same company, whose calls count toward the company's shared limits.
   */
  issueDirect(scope: string[], app?: string): IssuedTokens {
    const now = this.now();
    const grant = this.tokens.createGrant(this.app.realmId, scope, now, app);
    return { ...this.tokenBody(grant, this.tokens.issueRefresh(grant, now), now, now, true), realmId: this.app.realmId };
  }

  private answer(grant: Grant, refreshToken: string, issuedAt: number, now: number, includeHardExpiry: boolean): HttpResult {
    return json(200, toJsonObject(this.tokenBody(grant, refreshToken, issuedAt, now, includeHardExpiry)), NO_STORE);
  }

  private tokenBody(grant: Grant, refreshToken: string, issuedAt: number, now: number, includeHardExpiry: boolean): Omit<IssuedTokens, 'realmId'> {
    const body: Omit<IssuedTokens, 'realmId'> = {
      token_type: 'bearer',
      access_token: this.tokens.issueAccess(grant, now),
      expires_in: ACCESS_TTL_S,
      refresh_token: refreshToken,
      x_refresh_token_expires_in: this.tokens.refreshExpiresIn(grant, issuedAt, now),
    };
    if (includeHardExpiry) body.x_refresh_token_hard_expires_in = Math.floor((this.tokens.hardExpiry(grant) - now) / 1000);
    if (grant.scope.includes('openid')) body.id_token = this.idToken(grant, now);
    return body;
  }

  /** An OpenID id_token signed HS256 with the client secret (OIDC allows this for confidential clients). */
  private idToken(grant: Grant, now: number): string {
    const header = b64url({ alg: 'HS256', typ: 'JWT' });
    const iat = Math.floor(now / 1000);
    const payload = b64url({
      sub: `sandbox-user-${grant.realmId}`, aud: [this.app.clientId], realmid: grant.realmId, auth_time: iat,
      iss: 'https://oauth.platform.intuit.com/op/v1', exp: iat + ACCESS_TTL_S, iat,
    });
    const sig = createHmac('sha256', this.app.clientSecret).update(`${header}.${payload}`).digest('base64url');
    return `${header}.${payload}.${sig}`;
  }

  /** Revokes the whole grant behind an access or refresh token; unknown tokens answer 200 (RFC 7009). */
  revoke(authorization: string | undefined, contentType: string | undefined, body: string): HttpResult {
    if (!this.clientAuthenticated(authorization)) return oauthError(401, 'invalid_client');
    const token = parseParams(body, contentType).get('token');
    if (token === undefined || token === '') return oauthError(400, 'invalid_request');
    const grant = this.tokens.grantOfToken(token);
    if (grant) this.tokens.revokeGrant(grant);
    return { status: 200 };
  }

  userInfo(authorization: string | undefined): HttpResult {
    const check = this.bearer(authorization);
    if (!check.ok) return check.result;
    const scope = check.grant.scope;
    if (!scope.includes('openid')) return oauthError(403, 'insufficient_scope');
    const info: JsonObject = { sub: `sandbox-user-${check.grant.realmId}` };
    if (scope.includes('email')) Object.assign(info, { email: 'practice.owner@example.com', emailVerified: true });
    if (scope.includes('profile')) Object.assign(info, { givenName: 'Pat', familyName: 'Practice' });
    if (scope.includes('phone')) Object.assign(info, { phoneNumber: '+1 555-0100', phoneNumberVerified: false });
    return json(200, info);
  }

  bearer(authorization: string | undefined): BearerCheck {
    const now = this.now();
    const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    const check = m?.[1] ? this.tokens.checkAccess(m[1], now) : { reason: 'Authorization header missing or not a bearer token' };
    if ('grant' in check) return { ok: true, grant: check.grant };
    return {
      ok: false,
      result: json(401, authFailureJson(now, check.reason), { 'www-authenticate': 'Bearer realm="Intuit", error="invalid_token"' }),
    };
  }

  hasAccountingScope(grant: Grant): boolean {
    return grant.scope.includes(ACCOUNTING_SCOPE);
  }
}
