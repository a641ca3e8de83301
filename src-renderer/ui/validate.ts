/**
 * Checks a form's input with the contract's own schema before it is sent, so a form shows every wrong
 * field at once; the screen's own checks (money typed as 12.50) come first and win for their field.
 */
import { parseInput, requests, type AppErrorData, type FieldIssue, type RequestName } from '../../src-shared/ipc';
import { localErrors } from './errors';

export function checkInput(name: RequestName, input: unknown, local: readonly FieldIssue[] = []): AppErrorData | null {
  const parsed = parseInput(requests[name].input, input, name);
  return localErrors(local, parsed.ok ? null : parsed.error);
}
