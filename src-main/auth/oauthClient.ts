/**
 * The one place that talks to `intuit-oauth`. Its authorize/token/revoke URLs are class-level
 * (global) fields read synchronously when a request is built, so every call here sets them and
 * starts the request in the same synchronous step: calls for different bases (several practice
 * companies in one test run) never pick up each other's URLs. `logging` stays off (it writes the
 * Basic auth header). Its errors are reduced to `AuthFailure` here; the library objects (which
 * hold the request headers) are dropped.
 */
import OAuthClient from 'intuit-oauth';
import { z } from 'zod';
import type { QboEndpoints } from '../qbo';
import { registerSecret } from '../../src-shared/redact';

export interface OAuthApp {
  clientId: string;
  clientSecret: string;
}

export const ACCOUNTING_SCOPES = ['com.intuit.quickbooks.accounting'];

const tokenAnswerSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
  x_refresh_token_expires_in: z.coerce.number().nonnegative().optional(),
  x_refresh_token_hard_expires_in: z.coerce.number().nonnegative().optional(),
});
export type TokenAnswer = z.infer<typeof tokenAnswerSchema>;

/** Why a token request failed, without anything secret. */
export class AuthFailure extends Error {
  constructor(
    readonly reason: 'invalid_grant' | 'invalid_client' | 'network' | 'refused',
    message: string,
  ) {
    super(message);
    this.name = 'AuthFailure';
  }
}

export class IntuitOAuth {
  constructor(
    private readonly app: OAuthApp,
    private readonly endpoints: QboEndpoints,
  ) {
    registerSecret(app.clientSecret);
  }

  private client(redirectUri: string): OAuthClient {
    const client = new OAuthClient({
      environment: this.endpoints.environment,
      clientId: this.app.clientId,
      clientSecret: this.app.clientSecret,
      redirectUri,
      logging: false,
    });
    client.setAuthorizeURLs({
      authorizeEndpoint: this.endpoints.authorize,
      tokenEndpoint: this.endpoints.token,
      revokeEndpoint: this.endpoints.revoke,
      userInfoEndpoint: this.endpoints.userInfo,
    });
    return client;
  }

  authorizeUrl(redirectUri: string, state: string, scopes: string[] = ACCOUNTING_SCOPES): string {
    return this.client(redirectUri).authorizeUri({ scope: scopes, state });
  }

  /** Exchanges the code in `callbackUrl` (the redirect the browser brought back) for tokens. */
  async exchangeCode(callbackUrl: string, redirectUri: string): Promise<TokenAnswer> {
    return this.tokenCall(() => this.client(redirectUri).createToken(callbackUrl));
  }

  async refresh(refreshToken: string): Promise<TokenAnswer> {
    // refreshUsingToken, not refresh(): the latter refuses locally by the library's own wall clock.
    return this.tokenCall(() => this.client('').refreshUsingToken(refreshToken));
  }

  /** Revokes the grant behind `token` at Intuit (revoking either token ends both). */
  async revoke(token: string): Promise<void> {
    try {
      await this.client('').revoke({ refresh_token: token });
    } catch (error) {
      throw toFailure(error);
    }
  }

  private async tokenCall(start: () => Promise<{ json?: unknown }>): Promise<TokenAnswer> {
    let answer: { json?: unknown };
    try {
      answer = await start();
    } catch (error) {
      throw toFailure(error);
    }
    const parsed = tokenAnswerSchema.safeParse(answer.json);
    if (!parsed.success) throw new AuthFailure('refused', 'QuickBooks answered the sign-in without usable tokens. Try connecting again.');
    registerSecret(parsed.data.access_token);
    registerSecret(parsed.data.refresh_token);
    return parsed.data;
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null;

function toFailure(error: unknown): AuthFailure {
  const e: Json = isObject(error) ? error : {};
  const authResponse = isObject(e.authResponse) ? e.authResponse : {};
  const response = isObject(authResponse.response) ? authResponse.response : {};
  const status = typeof response.status === 'number' ? response.status : null;
  const code = typeof e.error === 'string' ? e.error : '';
  if (code === 'invalid_grant') {
    return new AuthFailure('invalid_grant', 'QuickBooks no longer accepts the saved sign-in (it expired or was revoked). Connect to QuickBooks again in Settings → Connection.');
  }
  if (code === 'invalid_client' || status === 401) {
    return new AuthFailure('invalid_client', 'QuickBooks did not recognise ShelfSync’s app keys. Check the client id and secret in the ShelfSync settings file.');
  }
  if (status === null) return new AuthFailure('network', 'ShelfSync could not reach QuickBooks to sign in. Check the internet connection and try again.');
  return new AuthFailure('refused', `QuickBooks refused the sign-in (HTTP ${status}). Try connecting again.`);
}
