/**
 * The last line of defence for secrets: every token or client secret the process has seen is
 * registered here, and any text leaving `qbo/` or `auth/` (errors, logs, statuses) is passed through.
 */
const secrets = new Set<string>();

/** Remember a secret so it is masked wherever it might appear later. Short strings are ignored. */
export function registerSecret(value: string | null | undefined): void {
  if (typeof value === 'string' && value.length >= 8) secrets.add(value);
}

export function redactText(text: string): string {
  let out = text.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]');
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join('[redacted]');
  return out;
}
