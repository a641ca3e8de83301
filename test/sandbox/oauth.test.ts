import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import OAuthClient from 'intuit-oauth';
import { startPracticeCompany, type PracticeCompanyServer } from '../../src-main/sandbox/index.js';
import { asObj, http, intuitOAuth, nodeQuickbooks, nqb, path, rejection } from './helpers.js';

const REDIRECT = 'http://127.0.0.1:53682/callback';
const SCOPES = [OAuthClient.scopes.Accounting, OAuthClient.scopes.OpenId, OAuthClient.scopes.Email];

let sb: PracticeCompanyServer;
beforeAll(async () => {
  sb = await startPracticeCompany({ seed: 3, size: 'tiny' });
});
afterAll(async () => {
  await sb.close();
});

/** Walks the consent page as a browser would and returns the redirect back to the app. */
async function consent(authorizeUrl: string, decision = 'allow'): Promise<string> {
  const page = await fetch(authorizeUrl, { redirect: 'manual' });
  expect(page.status).toBe(200);
  const htmlText = await page.text();
  expect(htmlText).toContain('ShelfSync');
  expect(htmlText).toContain('Connect');
  const ticket = /name="ticket" value="([^"]+)"/.exec(htmlText)?.[1] ?? '';
  const posted = await fetch(`${sb.baseUrl}/connect/oauth2`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ticket, decision }).toString(),
  });
  expect(posted.status).toBe(302);
  return posted.headers.get('location') ?? '';
}

async function tokenCall(form: Record<string, string>, secret = sb.clientSecret): Promise<{ status: number; body: unknown }> {
  const r = await http(`${sb.baseUrl}/oauth2/v1/tokens/bearer`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${sb.clientId}:${secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: new URLSearchParams(form).toString(),
  });
  return { status: r.status, body: r.body };
}

describe('OAuth 2.0 against the practice company', () => {
  it('runs the code flow through the consent page and intuit-oauth, then calls the API', async () => {
    const client = intuitOAuth(sb, REDIRECT);
    const back = new URL(await consent(client.authorizeUri({ scope: SCOPES, state: 'st-1' })));
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('st-1');
    expect(back.searchParams.get('realmId')).toBe(sb.realmId);
    const auth = await client.createToken(back.toString());
    const token = asObj(auth.getJson());
    expect(token.token_type).toBe('bearer');
    expect(token.expires_in).toBe(3600);
    expect(token.x_refresh_token_expires_in).toBe(100 * 86400);
    expect(typeof token.id_token).toBe('string');
    expect(token.x_refresh_token_hard_expires_in).toBeUndefined();
    const info = await client.makeApiCall({ url: `v3/company/${sb.realmId}/companyinfo/${sb.realmId}?minorversion=75` });
    expect(path(info.json, 'CompanyInfo', 'CompanyName')).toContain('Practice');
    const user = await client.getUserInfo();
    expect(asObj(user.getJson()).email).toBe('practice.owner@example.com');
  });

  it('sends the hard refresh expiry only when the client asks for it', async () => {
    const client = new OAuthClient({ clientId: sb.clientId, clientSecret: sb.clientSecret, environment: 'sandbox', redirectUri: REDIRECT, includeRefreshTokenHardExpiresIn: true });
    const back = await consent(client.authorizeUri({ scope: [OAuthClient.scopes.Accounting], state: 'st-2' }));
    const token = asObj((await client.createToken(back)).getJson());
    expect(token.x_refresh_token_hard_expires_in).toBe(5 * 365 * 86400);
    expect(token.id_token).toBeUndefined();
  });

  it('rotates refresh tokens: the previous one works for 24 hours, then fails with invalid_grant', async () => {
    const client = intuitOAuth(sb, REDIRECT);
    await client.createToken(await consent(client.authorizeUri({ scope: SCOPES, state: 's' })));
    const first = client.getToken().refresh_token;
    await client.refresh();
    const second = client.getToken().refresh_token;
    expect(second).not.toBe(first);
    sb.advanceClock(23 * 3600);
    expect((await tokenCall({ grant_type: 'refresh_token', refresh_token: first })).status).toBe(200);
    sb.advanceClock(2 * 3600);
    const late = await tokenCall({ grant_type: 'refresh_token', refresh_token: first });
    expect(late).toEqual({ status: 400, body: { error: 'invalid_grant' } });
    const latest = await client.refresh();
    expect(asObj(latest.getJson()).access_token).toEqual(expect.any(String));
  });

  it('refreshes with node-quickbooks and keeps the new tokens', async () => {
    const tokens = sb.issueTokens();
    const qbo = nodeQuickbooks(sb, tokens.access_token, tokens.refresh_token);
    const answer = asObj(await nqb((cb) => qbo.refreshAccessToken(cb)));
    expect(qbo.refreshToken).toBe(answer.refresh_token);
    expect(answer.refresh_token).not.toBe(tokens.refresh_token);
  });

  it('answers a wrong client secret with 401 invalid_client', async () => {
    const client = intuitOAuth(sb, REDIRECT);
    const back = await consent(client.authorizeUri({ scope: SCOPES, state: 's' }));
    expect(await tokenCall({ grant_type: 'authorization_code', code: new URL(back).searchParams.get('code') ?? '', redirect_uri: REDIRECT }, 'wrong'))
      .toEqual({ status: 401, body: { error: 'invalid_client' } });
    const wrong = intuitOAuth(sb, REDIRECT, 'not-the-secret');
    const err = asObj(await rejection(wrong.createToken(back)));
    expect(err.error).toBe('invalid_client');
  });

  it('refuses a reused authorization code with invalid_grant', async () => {
    const client = intuitOAuth(sb, REDIRECT);
    const back = await consent(client.authorizeUri({ scope: SCOPES, state: 's' }));
    await client.createToken(back);
    const err = asObj(await rejection(intuitOAuth(sb, REDIRECT).createToken(back)));
    expect(err.error).toBe('invalid_grant');
  });

  it('refuses an expired code and an unknown refresh token with invalid_grant', async () => {
    const client = intuitOAuth(sb, REDIRECT);
    const code = new URL(await consent(client.authorizeUri({ scope: SCOPES, state: 's' }))).searchParams.get('code') ?? '';
    sb.advanceClock(6 * 60);
    expect((await tokenCall({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT })).body).toEqual({ error: 'invalid_grant' });
    expect((await tokenCall({ grant_type: 'refresh_token', refresh_token: 'AB11nope' })).body).toEqual({ error: 'invalid_grant' });
  });

  it('shows an error page and does not redirect to an unregistered redirect URI', async () => {
    const url = `${sb.baseUrl}/connect/oauth2?${new URLSearchParams({ client_id: sb.clientId, redirect_uri: 'https://evil.example/cb', response_type: 'code', scope: 'com.intuit.quickbooks.accounting', state: 'x' }).toString()}`;
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain('redirect_uri');
  });

  it('matches a registered loopback redirect URI on any port but not another path', async () => {
    const mk = (redirect: string): string => `${sb.baseUrl}/connect/oauth2?${new URLSearchParams({ client_id: sb.clientId, redirect_uri: redirect, response_type: 'code', scope: 'com.intuit.quickbooks.accounting', state: 'x' }).toString()}`;
    expect((await fetch(mk('http://localhost:61234/callback'), { redirect: 'manual' })).status).toBe(200);
    expect((await fetch(mk('http://127.0.0.1:61234/other'), { redirect: 'manual' })).status).toBe(400);
  });

  it('redirects with access_denied when the user cancels', async () => {
    const client = intuitOAuth(sb, REDIRECT);
    const back = new URL(await consent(client.authorizeUri({ scope: SCOPES, state: 'st-9' }), 'deny'));
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('st-9');
  });

  it('redirects at once with autoConsent', async () => {
    const auto = await startPracticeCompany({ autoConsent: true });
    try {
      const client = intuitOAuth(auto, REDIRECT);
      const res = await fetch(client.authorizeUri({ scope: SCOPES, state: 'a' }), { redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(new URL(res.headers.get('location') ?? '').searchParams.get('code')).toBeTruthy();
    } finally {
      await auto.close();
    }
  });

  it('revokes the whole grant from a form body (node-quickbooks) and a JSON body (intuit-oauth)', async () => {
    const t1 = sb.issueTokens();
    const qbo = nodeQuickbooks(sb, t1.access_token, t1.refresh_token);
    await nqb((cb) => qbo.revokeAccess(true, cb));
    expect((await tokenCall({ grant_type: 'refresh_token', refresh_token: t1.refresh_token })).status).toBe(400);
    const after1 = await http(`${sb.baseUrl}/v3/company/${sb.realmId}/item/1`, { headers: { authorization: `Bearer ${t1.access_token}` } });
    expect(after1.status).toBe(401);

    const client = intuitOAuth(sb, REDIRECT);
    await client.createToken(await consent(client.authorizeUri({ scope: SCOPES, state: 's' })));
    const access = client.getToken().access_token;
    await client.revoke({ access_token: access });
    const after2 = await http(`${sb.baseUrl}/v3/company/${sb.realmId}/item/1`, { headers: { authorization: `Bearer ${access}` } });
    expect(after2.status).toBe(401);
  });

  it('answers an expired access token with 401, code 3200 and WWW-Authenticate', async () => {
    const t = sb.issueTokens();
    sb.advanceClock(3601);
    const res = await http(`${sb.baseUrl}/v3/company/${sb.realmId}/item/1?minorversion=75`, { headers: { authorization: `Bearer ${t.access_token}` } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="Intuit", error="invalid_token"');
    expect(path(res.body, 'fault', 'error', 0, 'code')).toBe('3200');
    expect(path(res.body, 'fault', 'error', 0, 'message')).toBe('message=AuthenticationFailed; errorCode=003200; statusCode=401');
    expect(path(res.body, 'fault', 'type')).toBe('AUTHENTICATION');
  });

  it('answers a missing token with 401 and a token for another company with 403', async () => {
    expect((await http(`${sb.baseUrl}/v3/company/${sb.realmId}/item/1`)).status).toBe(401);
    const t = sb.issueTokens();
    const other = await http(`${sb.baseUrl}/v3/company/123/item/1`, { headers: { authorization: `Bearer ${t.access_token}` } });
    expect(other.status).toBe(403);
  });
});
