/**
 * The one redaction module (src-shared/redact.ts) against tokens shaped like the ones Intuit and the
 * practice company really issue: registered or not, they never survive a pass.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets, registerSecret } from '../../src-shared/redact';
import { TokenStore } from '../../src-main/sandbox/tokens';

const b64 = (n: number) => randomBytes(n).toString('base64url');
/** Intuit's access token: a JWE compact string (`dir` key management, so the key part is empty). */
const intuitAccess = () => `eyJlbmMiOiJBMTI4Q0JDLUhTMjU2IiwiYWxnIjoiZGlyIn0..${b64(16)}.${b64(700)}.${b64(16)}`;
/** Intuit's refresh token: AB11, ten digits of issue time, then letters and digits. */
const intuitRefresh = () => `AB11${Date.UTC(2026, 0, 1) / 1000}${randomBytes(27).toString('hex').slice(0, 36)}`;
/** An OpenID id_token: a three-part JWT. */
const idToken = () => `eyJhbGciOiJSUzI1NiJ9.${b64(120)}.${b64(64)}`;

function practiceTokens(): { access: string; refresh: string } {
  const store = new TokenStore();
  const grant = store.createGrant('9130350000000000', ['com.intuit.quickbooks.accounting'], 0);
  return { access: store.issueAccess(grant, 0), refresh: store.issueRefresh(grant, 0) };
}

describe('redactSecrets', () => {
  const practice = practiceTokens();
  const tokens: Record<string, string> = {
    'Intuit access token': intuitAccess(),
    'Intuit refresh token': intuitRefresh(),
    'OpenID id_token': idToken(),
    'practice access token': practice.access,
    'practice refresh token': practice.refresh,
  };

  for (const [name, token] of Object.entries(tokens)) {
    it(`masks an unregistered ${name} wherever it sits in a text`, () => {
      const texts = [
        `Authorization: Bearer ${token}`,
        `{"access_token":"${token}","expires_in":3600}`,
        `refresh_token=${token}&grant_type=refresh_token`,
        `request failed (${token}) at line 3`,
        token,
      ];
      for (const text of texts) {
        const out = redactSecrets(text);
        expect(out, text).not.toContain(token);
        // No tail of the token survives either (a pattern that stops at a dot would leave one).
        expect(out, text).not.toContain(token.slice(-12));
        expect(out).toContain(REDACTED);
      }
    });
  }

  it('masks a registered secret of no known shape (a client secret) and leaves ordinary text alone', () => {
    const clientSecret = b64(24);
    registerSecret(clientSecret);
    expect(redactSecrets(`secret ${clientSecret} leaked`)).toBe(`secret ${REDACTED} leaked`);
    expect(redactSecrets('Basic ' + Buffer.from(`ABcdEF:${clientSecret}`).toString('base64'))).toBe(`Basic ${REDACTED}`);
    expect(redactSecrets('client_secret: hunter2hunter2')).toBe(`client_secret: ${REDACTED}`);
    const plain = 'Item "Widget 10 mm" could not be saved: QuickBooks code 6240 (errorCode=006240; statusCode=400), Duplicate Name Exists Error';
    expect(redactSecrets(plain)).toBe(plain);
  });
});
