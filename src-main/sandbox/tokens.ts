// OAuth grants and their tokens: access tokens for an hour, refresh tokens for 100 days rolling
// that rotate on every refresh (the old one lasts 24 h more), and a 5-year hard cap per grant.

import { randomBytes } from 'node:crypto';

export const ACCESS_TTL_S = 3600;
export const REFRESH_TTL_S = 100 * 86_400;
export const REFRESH_GRACE_S = 24 * 3600;
export const HARD_CAP_S = 5 * 365 * 86_400;
export const CODE_TTL_S = 5 * 60;

/** What the token endpoint answers, plus the company it is for. */
export interface IssuedTokens {
  token_type: string;
  access_token: string;
  refresh_token: string;
  expires_in: number;
  x_refresh_token_expires_in: number;
  x_refresh_token_hard_expires_in?: number;
  id_token?: string;
  realmId: string;
}

export interface Grant {
  id: string;
  realmId: string;
  scope: string[];
  createdAt: number;
  revoked: boolean;
  /** Another app connected to the same company (admin API); absent for the registered app. */
  app?: string;
}

export interface AccessToken {
  grantId: string;
  expiresAt: number;
}

export interface RefreshToken {
  grantId: string;
  issuedAt: number;
  supersededAt?: number;
}

export interface AuthCode {
  clientId: string;
  redirectUri: string;
  scope: string[];
  realmId: string;
  expiresAt: number;
  used: boolean;
}

export interface TokenSnapshot {
  grants: Grant[];
  access: Array<[string, AccessToken]>;
  refresh: Array<[string, RefreshToken]>;
}

/** Credentials are random (never derived from the seed), so knowing a seed does not forge tokens. */
export function secret(prefix: string, bytes = 32): string {
  return prefix + randomBytes(bytes).toString('base64url');
}

export type RefreshOutcome = { ok: true; grant: Grant; token: string; issuedAt: number } | { ok: false; reason: string };

export class TokenStore {
  private readonly grants = new Map<string, Grant>();
  private readonly access = new Map<string, AccessToken>();
  private readonly refresh = new Map<string, RefreshToken>();
  readonly codes = new Map<string, AuthCode>();

  constructor(snapshot?: TokenSnapshot) {
    if (!snapshot) return;
    for (const g of snapshot.grants) this.grants.set(g.id, g);
    for (const [k, v] of snapshot.access) this.access.set(k, v);
    for (const [k, v] of snapshot.refresh) this.refresh.set(k, v);
  }

  createGrant(realmId: string, scope: string[], now: number, app?: string): Grant {
    const grant: Grant = { id: secret('g', 12), realmId, scope, createdAt: now, revoked: false };
    if (app !== undefined && app !== '') grant.app = app;
    this.grants.set(grant.id, grant);
    return grant;
  }

  issueAccess(grant: Grant, now: number): string {
    const token = secret('eyJzYW5kYm94Ijp0cnVlfQ.', 48);
    this.access.set(token, { grantId: grant.id, expiresAt: now + ACCESS_TTL_S * 1000 });
    return token;
  }

  issueRefresh(grant: Grant, now: number): string {
    const token = secret('AB11', 36);
    this.refresh.set(token, { grantId: grant.id, issuedAt: now });
    return token;
  }

  hardExpiry(grant: Grant): number {
    return grant.createdAt + HARD_CAP_S * 1000;
  }

  /** Seconds the given refresh token lives (rolling window, never past the hard cap). */
  refreshExpiresIn(grant: Grant, issuedAt: number, now: number): number {
    return Math.max(0, Math.floor((Math.min(issuedAt + REFRESH_TTL_S * 1000, this.hardExpiry(grant)) - now) / 1000));
  }

  checkAccess(token: string, now: number): { grant: Grant } | { reason: string } {
    const a = this.access.get(token);
    if (!a) return { reason: 'Token invalid' };
    const grant = this.grants.get(a.grantId);
    if (!grant || grant.revoked) return { reason: 'Token revoked' };
    if (now >= a.expiresAt) return { reason: 'Token expired' };
    return { grant };
  }

  useRefresh(token: string, now: number): RefreshOutcome {
    const r = this.refresh.get(token);
    if (!r) return { ok: false, reason: 'unknown refresh token' };
    const grant = this.grants.get(r.grantId);
    if (!grant || grant.revoked) return { ok: false, reason: 'refresh token revoked' };
    if (now >= this.hardExpiry(grant)) return { ok: false, reason: 'grant passed its hard expiry' };
    if (now >= r.issuedAt + REFRESH_TTL_S * 1000) return { ok: false, reason: 'refresh token expired' };
    if (r.supersededAt !== undefined && now >= r.supersededAt + REFRESH_GRACE_S * 1000) {
      return { ok: false, reason: 'refresh token superseded more than 24 hours ago' };
    }
    r.supersededAt ??= now;
    const next = this.issueRefresh(grant, now);
    return { ok: true, grant, token: next, issuedAt: now };
  }

  grantOfToken(token: string): Grant | undefined {
    const id = this.access.get(token)?.grantId ?? this.refresh.get(token)?.grantId;
    return id === undefined ? undefined : this.grants.get(id);
  }

  revokeGrant(grant: Grant): void {
    grant.revoked = true;
    for (const [k, v] of this.access) if (v.grantId === grant.id) this.access.delete(k);
    for (const [k, v] of this.refresh) if (v.grantId === grant.id) this.refresh.delete(k);
  }

  revokeAll(): number {
    let n = 0;
    for (const g of this.grants.values()) {
      if (!g.revoked) n++;
      this.revokeGrant(g);
    }
    return n;
  }

  /** Drops tokens that can never be used again, so a long-running sandbox does not grow. */
  prune(now: number): void {
    for (const [k, v] of this.access) if (now >= v.expiresAt) this.access.delete(k);
    for (const [k, v] of this.refresh) {
      const dead = now >= v.issuedAt + REFRESH_TTL_S * 1000
        || (v.supersededAt !== undefined && now >= v.supersededAt + REFRESH_GRACE_S * 1000);
      if (dead) this.refresh.delete(k);
    }
    for (const [k, v] of this.codes) if (now >= v.expiresAt) this.codes.delete(k);
  }

  snapshot(): TokenSnapshot {
    return { grants: [...this.grants.values()], access: [...this.access], refresh: [...this.refresh] };
  }
}
