/** Turns a schema failure into errors a person reads: which field, and what is wrong with it, in words. */
import type { z } from 'zod';
import { plainWords } from './fieldWords';
import type { AppErrorData, FieldIssue, Result } from './result';

function describeIssue(issue: z.core.$ZodIssue): FieldIssue {
  const path = issue.path.map(String);
  // An unknown key is reported on its parent; name the key itself so the field points at what to remove.
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  const field = path.join('.');
  return field ? { message: issue.message, field } : { message: issue.message };
}

/** Every issue of a failure, one per field (the first for a field wins), in the order the schema found them. */
export function describeAllIssues(error: z.ZodError): FieldIssue[] {
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const issue of error.issues.map(describeIssue)) {
    const key = issue.field ?? '';
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
}

/** The error a request answers with: the first issue as message/field, and all of them in `issues`. */
export function describeIssues(error: z.ZodError): AppErrorData {
  const issues = describeAllIssues(error);
  const first = issues[0];
  if (!first) return { code: 'invalid_input', message: 'What was entered cannot be used.' };
  return issues.length > 1 ? { code: 'invalid_input', ...first, issues } : { code: 'invalid_input', ...first };
}

/** Checks a request's input against its schema; messages the schema does not give are written in words. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, request?: string): Result<z.output<S>> {
  const parsed = schema.safeParse(input, { error: (issue) => plainWords(issue, request) });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: describeIssues(parsed.error) };
}
