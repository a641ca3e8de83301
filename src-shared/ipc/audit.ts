/** The audit trail: who did what, when and why, to every record. */
import { z } from 'zod';
import { request } from './define';
import { idSchema, limitSchema, offsetSchema, pageOf } from './fields';

export const auditEntrySchema = z.object({
  id: z.int(),
  at: z.string(),
  by: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  action: z.string(),
  detail: z.string().nullable(),
  reason: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditRecordTypes = [
  'site',
  'item',
  'count',
  'customer',
  'vendor',
  'serviceLocation',
  'order',
  'purchaseOrder',
  'invoice',
  'estimate',
  'database',
] as const;

export const auditRequests = {
  'audit.list': request(
    'A page of the audit trail, newest first; filter by record (type, and id) or by who.',
    z
      .object({
        recordType: z.enum(auditRecordTypes).optional(),
        recordId: idSchema.optional(),
        by: z.string().trim().max(100).optional(),
        limit: limitSchema,
        offset: offsetSchema,
      })
      .strict(),
    pageOf(auditEntrySchema),
  ),
};
