/** Where a host error belongs: beside each input it names, or in the form's general alert. */
import type { AppErrorData, FieldIssue } from '../../src-shared/ipc';

/** Every field the error names: a schema failure lists all of them in `issues`. */
export function issuesOf(error: AppErrorData | null): FieldIssue[] {
  if (!error) return [];
  return error.issues?.length ? error.issues : [error];
}

/** The message for one input. */
export function errorFor(error: AppErrorData | null, field: string): string | null {
  return issuesOf(error).find((issue) => issue.field === field)?.message ?? null;
}

/** Like errorFor, for an input that holds a list: "barcodes" also takes "barcodes.2". */
export function errorUnder(error: AppErrorData | null, field: string): string | null {
  return issuesOf(error).find((issue) => issue.field === field || issue.field?.startsWith(`${field}.`))?.message ?? null;
}

/** The messages for the general alert: what names no input the form shows, one sentence after another. */
export function unplacedError(error: AppErrorData | null, shownFields: readonly string[]): string | null {
  const placed = (field: string | undefined) => field !== undefined && shownFields.some((f) => f === field || field.startsWith(`${f}.`));
  const rest = issuesOf(error).filter((issue) => !placed(issue.field));
  return rest.length ? rest.map((issue) => issue.message).join(' ') : null;
}

/** An error the renderer makes itself, phrased like the host's. */
export function localError(message: string, field?: string): AppErrorData {
  return field ? { code: 'invalid_input', message, field } : { code: 'invalid_input', message };
}

/** Several errors the renderer found itself (and the host's, when it has them), shown all at once. */
export function localErrors(issues: readonly FieldIssue[], host?: AppErrorData | null): AppErrorData | null {
  const all = [...issues, ...issuesOf(host ?? null).filter((h) => !issues.some((i) => i.field !== undefined && i.field === h.field))];
  const first = all[0];
  if (!first) return null;
  return { code: 'invalid_input', ...first, ...(all.length > 1 ? { issues: all } : {}) };
}
