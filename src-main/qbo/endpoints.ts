/**
 * Where QuickBooks lives: Intuit's production or sandbox hosts, or the practice company (everything
 * under one base URL). Both client libraries keep these in class-level (global) fields; see
 * `nodeQuickbooks.ts` and `src-main/auth/oauthClient.ts` for how we keep several bases apart.
 */
export interface QboEndpoints {
  /** Accounting API base without a trailing slash, e.g. https://quickbooks.api.intuit.com */
  apiBase: string;
  authorize: string;
  token: string;
  revoke: string;
  userInfo: string;
  /** intuit-oauth's environment name; only changes which user-info URL it uses. */
  environment: 'production' | 'sandbox';
}

const intuitAuth = {
  authorize: 'https://appcenter.intuit.com/connect/oauth2',
  token: 'https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer',
  revoke: 'https://developer.api.intuit.com/v2/oauth2/tokens/revoke',
};

export const intuitProduction: QboEndpoints = {
  ...intuitAuth,
  apiBase: 'https://quickbooks.api.intuit.com',
  userInfo: 'https://accounts.platform.intuit.com/v1/openid_connect/userinfo',
  environment: 'production',
};

export const intuitSandbox: QboEndpoints = {
  ...intuitAuth,
  apiBase: 'https://sandbox-quickbooks.api.intuit.com',
  userInfo: 'https://sandbox-accounts.platform.intuit.com/v1/openid_connect/userinfo',
  environment: 'sandbox',
};

/** The practice company (or any stand-in) serving every endpoint under one base URL. */
export function endpointsAt(baseUrl: string): QboEndpoints {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    apiBase: base,
    authorize: `${base}/connect/oauth2`,
    token: `${base}/oauth2/v1/tokens/bearer`,
    revoke: `${base}/v2/oauth2/tokens/revoke`,
    userInfo: `${base}/v1/openid_connect/userinfo`,
    environment: 'sandbox',
  };
}
