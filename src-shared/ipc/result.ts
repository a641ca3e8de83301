/** The envelope every request answers with, on every transport. */
import { z } from 'zod';

export const fieldIssueSchema = z.object({ message: z.string(), field: z.string().optional() });
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

/** `issues` lists every field that was wrong when there are several (message/field repeat the first). */
export const appErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
  issues: z.array(fieldIssueSchema).optional(),
});
export type AppErrorData = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** Error codes a client can branch on; messages are for people. */
export const errorCodes = [
  'invalid_input',
  'unknown_request',
  'not_found',
  'conflict',
  'refused',
  'busy',
  'qbo',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];
