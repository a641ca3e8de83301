/** The conflict inbox: records changed on both sides; the latest edit won, the other version waits here. */
import { z } from 'zod';
import { request } from './define';

export const conflictSchema = z.object({
  id: z.int(),
  entity: z.enum(['customer', 'vendor']),
  localId: z.string(),
  label: z.string(),
  winner: z.enum(['local', 'qbo']),
  /** The two versions, field by field, as ShelfSync shows a customer or vendor. */
  localVersion: z.record(z.string(), z.unknown()),
  qboVersion: z.record(z.string(), z.unknown()),
  localUpdatedAt: z.string(),
  qboUpdatedAt: z.string(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: z.enum(['kept', 'switched']).nullable(),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const conflictRequests = {
  'conflicts.list': request(
    'Records that changed in both ShelfSync and QuickBooks since the last sync, newest first.',
    z
      .object({
        open: z.boolean().default(true),
        limit: z.int().min(1).max(500).default(50),
        offset: z.int().min(0).default(0),
      })
      .strict(),
    z.object({ rows: z.array(conflictSchema), total: z.int() }),
  ),
  'conflicts.resolve': request(
    'Keep the version that won, or switch to the other one (it is then sent to the other side on the next sync).',
    z.object({ id: z.int().min(1), keep: z.enum(['winner', 'other']) }).strict(),
    conflictSchema,
  ),
};
