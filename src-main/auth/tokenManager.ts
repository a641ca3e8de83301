/**
 * Access tokens for one realm, refreshed in a single flight: however many requests find the token
 * expired, one refresh runs and the rest wait for it. The rotated refresh token is written to the
 * secret store before the new access token is handed to anyone, so a crash can never leave us
 * holding only a superseded refresh token. `invalid_grant` means the user must connect again.
 */
import { QboError, type AccessTokenProvider } from '../qbo';
import { AuthFailure, type IntuitOAuth } from './oauthClient';
import type { SecretStore } from './secretStore';
import { tokensFromAnswer, type StoredTokens } from './storedTokens';

/** Refresh this long before Intuit's expiry, like intuit-oauth's own 60 s margin. */
const MARGIN_MS = 60_000;

export interface TokenManagerEvents {
  /** The refresh token was refused: the user must connect again. */
  reconnectNeeded(message: string): void;
  /** A refresh could not reach QuickBooks. */
  offline(message: string): void;
  /** A refresh worked (we are online and signed in). */
  refreshed(): void;
}

export class TokenManager implements AccessTokenProvider {
  private inflight: Promise<string> | null = null;
  private dead: QboError | null = null;
  refreshCount = 0;

  constructor(
    private readonly realmId: string,
    private tokens: StoredTokens,
    private readonly store: SecretStore,
    private readonly oauth: IntuitOAuth,
    private readonly now: () => number,
    private readonly events: TokenManagerEvents,
  ) {}

  async current(): Promise<string> {
    if (this.dead) throw this.dead;
    if (this.inflight) return this.inflight;
    if (this.now() >= this.tokens.accessExpiresAt - MARGIN_MS) return this.refreshAfter(this.tokens.accessToken);
    return this.tokens.accessToken;
  }

  refreshAfter(rejected: string): Promise<string> {
    if (this.dead) return Promise.reject(this.dead);
    if (this.inflight) return this.inflight;
    // Someone already replaced the token this caller was refused with: use the newer one.
    if (rejected !== this.tokens.accessToken) return Promise.resolve(this.tokens.accessToken);
    this.inflight = this.refresh().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /** Refreshes now even if the token still looks valid (keeps the refresh token rolling). */
  refreshNow(): Promise<string> {
    return this.refreshAfter(this.tokens.accessToken);
  }

  /** The refresh token, for revoking at disconnect. */
  get refreshToken(): string {
    return this.tokens.refreshToken;
  }

  private async refresh(): Promise<string> {
    this.refreshCount++;
    let next: StoredTokens;
    try {
      next = tokensFromAnswer(await this.oauth.refresh(this.tokens.refreshToken), this.now());
    } catch (error) {
      throw this.failed(error);
    }
    await this.store.set(this.realmId, JSON.stringify(next));
    this.tokens = next;
    this.events.refreshed();
    return next.accessToken;
  }

  private failed(error: unknown): QboError {
    const failure = error instanceof AuthFailure ? error : new AuthFailure('network', 'ShelfSync could not reach QuickBooks to renew the sign-in.');
    if (failure.reason === 'network') {
      this.events.offline(failure.message);
      return new QboError({ kind: 'network', code: 'refresh_unreachable', message: failure.message });
    }
    this.dead = new QboError({ kind: 'auth', code: failure.reason, message: failure.message });
    this.events.reconnectNeeded(failure.message);
    return this.dead;
  }
}
