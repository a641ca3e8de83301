// The registered app, and how a requested redirect URI is matched against the registered ones.

export interface AppRegistration {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  appName: string;
  companyName: string;
  realmId: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Exact match, except for loopback: a registered `http://127.0.0.1/path` (or localhost, [::1])
 * matches the same host and path on any port, as RFC 8252 §7.3 describes for native apps.
 * This is the sandbox's choice; Intuit documents no port rule.
 */
export function redirectUriAllowed(registered: readonly string[], requested: string): boolean {
  let req: URL;
  try {
    req = new URL(requested);
  } catch {
    return false;
  }
  if (req.hash !== '') return false;
  return registered.some((r) => {
    if (r === requested) return true;
    let reg: URL;
    try {
      reg = new URL(r);
    } catch {
      return false;
    }
    return reg.protocol === 'http:' && req.protocol === 'http:' && LOOPBACK_HOSTS.has(reg.hostname)
      && reg.hostname === req.hostname && reg.pathname === req.pathname && reg.search === req.search;
  });
}

export const KNOWN_SCOPES = new Set([
  'com.intuit.quickbooks.accounting', 'com.intuit.quickbooks.payment', 'openid', 'profile', 'email', 'phone', 'address',
]);
export const ACCOUNTING_SCOPE = 'com.intuit.quickbooks.accounting';
