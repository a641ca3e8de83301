/**
 * What a printed Code 128 barcode may carry. ShelfSync prints plain ASCII only (space to ~), so the
 * bars read back exactly as the text: Code 128 reaches other characters only through FNC4 shifts that
 * scanners decode differently. Used by the print requests (host) and the print views (renderer).
 */

/** Longest text a barcode on a sheet or label carries (an item barcode is at most 64 characters too). */
export const code128MaxLength = 64;

/** Why the text cannot be printed as a Code 128 barcode, in a clerk's words; null when it can. */
export function code128Problem(text: string): string | null {
  if (text.length === 0) return 'There is nothing to put in the barcode.';
  if (text.length > code128MaxLength) return `"${text.slice(0, 20)}…" is too long for a printed barcode (at most ${code128MaxLength} characters).`;
  const bad = [...text].find((c) => c < ' ' || c > '~');
  if (bad === undefined) return null;
  const shown = bad < ' ' ? 'a tab or line break' : `"${bad}"`;
  return `"${text}" has ${shown}, which a Code 128 barcode cannot carry; only letters, digits, spaces and plain punctuation print as bars.`;
}
