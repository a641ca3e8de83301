/** Where a host error belongs: beside the input it names, or in the form's general alert. */
import type { AppErrorData } from '../../src-shared/ipc';

/** The message for one input, without its "field: " prefix (beside the input the name is redundant). */
export function errorFor(error: AppErrorData | null, field: string): string | null {
  if (!error || error.field !== field) return null;
  return stripField(error);
}

/** Like errorFor, for an input that holds a list: "barcodes" also takes "barcodes.2". */
export function errorUnder(error: AppErrorData | null, field: string): string | null {
  if (!error?.field || (error.field !== field && !error.field.startsWith(`${field}.`))) return null;
  return stripField(error);
}

/** The message for the general alert: an error that names no input the form shows. */
export function unplacedError(error: AppErrorData | null, shownFields: readonly string[]): string | null {
  if (!error) return null;
  const field = error.field;
  if (field && shownFields.some((f) => f === field || field.startsWith(`${f}.`))) return null;
  return stripField(error);
}

function stripField(error: AppErrorData): string {
  const prefix = /^[\w.]+: /.exec(error.message)?.[0];
  return error.field && prefix && error.field.startsWith(prefix.slice(0, -2)) ? error.message.slice(prefix.length) : error.message;
}

/** An error the renderer makes itself, phrased like the host's. */
export function localError(message: string, field?: string): AppErrorData {
  return field ? { code: 'invalid_input', message, field } : { code: 'invalid_input', message };
}
