/**
 * The one redaction module: every text that leaves the process (logs, errors, the error log file,
 * the sync log and its CSV) passes through `redactSecrets`. In src-shared so that every layer may
 * import it (qbo/, auth/, sync/, host/, headless/, app/); it uses no Node API.
 *
 * Two defences: secrets the process has seen are registered and masked wherever they appear, and
 * text shaped like a credential is masked even when it was never registered (a library echoing a
 * token from another run, a header dumped in a stack).
 */
const registered = new Set<string>();

/** Remember a secret so it is masked wherever it might appear later. Short strings are ignored. */
export function registerSecret(value: string | null | undefined): void {
  if (typeof value === 'string' && value.length >= 8) registered.add(value);
}

export const REDACTED = '[redacted]';

/**
 * Credential shapes, most specific first. Each pattern names what it is for:
 * - Intuit's access tokens are JWE compact strings: five base64url parts, the second (the
 *   encrypted key) empty under `dir`, so `eyJ…..…`; OpenID id_tokens are three-part JWTs.
 * - The practice company (src-main/sandbox/tokens.ts) issues `eyJzYW5kYm94Ijp0cnVlfQ.` + random
 *   base64url (two parts), and refresh tokens and codes like Intuit's: `AB11…`, `AB…`.
 * - Intuit refresh tokens and authorisation codes start `AB11` followed by digits and letters.
 */
const shapes: RegExp[] = [
  // Authorization header values, whatever the token inside looks like.
  /\b(?:Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{4,}/gi,
  // JOSE compact serialisations (JWT, JWE) and the practice company's two-part access token.
  /\beyJ[A-Za-z0-9_-]{2,}(?:\.[A-Za-z0-9_-]*){1,4}/g,
  // Intuit/practice refresh tokens and authorisation codes: AB + at least 20 token characters.
  /\bAB[0-9A-Za-z_-]{20,}/g,
];

/** `access_token=…`, `"refresh_token":"…"`, `client_secret: …`: the value after a secret's name. */
const namedValue = /\b((?:access|refresh|id)[_-]?token|client[_-]?secret|authorization)(["']?\s*[:=]\s*["']?)([^\s"',;&}]+)/gi;

export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of registered) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  for (const shape of shapes) {
    out = out.replace(shape, (match) => {
      const header = /^(Bearer|Basic)\s+/i.exec(match);
      return header ? `${header[1]} ${REDACTED}` : REDACTED;
    });
  }
  // After the shapes, so `Authorization: Bearer x` is already `Bearer [redacted]` here.
  return out.replace(namedValue, (_match, key: string, sep: string, value: string) => `${key}${sep}${value.startsWith(REDACTED) ? value : REDACTED}`);
}
