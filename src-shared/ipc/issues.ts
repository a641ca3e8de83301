/** Turns a schema failure into the one error a person reads: which field, and what is wrong with it. */
import type { z } from 'zod';
import type { AppErrorData } from './result';

export function describeIssues(error: z.ZodError): AppErrorData {
  const first = error.issues[0];
  if (!first) return { code: 'invalid_input', message: 'The input is not valid.' };
  const path = first.path.map(String);
  // An unknown key is reported on its parent; name the key itself so the user sees what to remove.
  if (first.code === 'unrecognized_keys' && first.keys[0] !== undefined) path.push(first.keys[0]);
  const field = path.join('.');
  if (!field) return { code: 'invalid_input', message: first.message };
  return { code: 'invalid_input', message: `${field}: ${first.message}`, field };
}
