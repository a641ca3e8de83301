/** CSV as spreadsheets read it safely: RFC 4180 quoting, and no cell that runs as a formula. */

/**
 * One CSV cell, quoted per RFC 4180. A cell starting with = + - @, a tab or a carriage return would
 * run as a formula in a spreadsheet (OWASP's CSV injection list), so it gets a leading apostrophe.
 */
export function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A whole file: a header line and one line per row, CRLF-terminated. */
export function csvText(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n') + '\r\n';
}
