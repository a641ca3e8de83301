/**
 * Last line of defence before text is stored or exported: strips anything shaped like a credential.
 * The qbo/ boundary already builds clean messages; this catches what a library might echo.
 */
const patterns: RegExp[] = [
  /Bearer\s+[A-Za-z0-9._~+/=-]+/gi,
  /Basic\s+[A-Za-z0-9+/=]{8,}/gi,
  /eyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]*/g,
  /((?:access|refresh|id)_?token|client_?secret|authorization)(["'\s:=]+)[^\s"',;&]+/gi,
];

export function redactSecrets(text: string): string {
  let out = text;
  for (const pattern of patterns) {
    out = out.replace(pattern, (match, key?: string, sep?: string) =>
      typeof key === 'string' && typeof sep === 'string' ? `${key}${sep}[redacted]` : '[redacted]',
    );
  }
  return out;
}
