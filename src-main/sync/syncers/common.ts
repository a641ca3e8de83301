/** Small pieces every syncer uses: effects for warehouse writes, query quoting, links, the marker. */
import type { ServiceContext } from '../../db';
import type { Effects } from '../../warehouse';
import type { QboObject } from '../port';
import { saveLink } from '../links';
import { rememberQboVersion } from '../qboVersions';
import type { SyncEnv } from '../syncer';

/** Warehouse writes made by sync: QuickBooks' changes are recorded but never queued back. */
export const fromQuickBooks = { origin: 'qbo' as const };

export function effectsOf(ctx: ServiceContext): Effects {
  return { clock: ctx.clock, ids: ctx.ids, emit: (name, payload) => ctx.emit(name, payload) };
}

/** A string literal in QuickBooks' query language: a quote inside is escaped as \'. */
export function qboString(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** Written into every transaction ShelfSync creates, so it can be found again after the requestid window. */
export function marker(kind: string, localId: string): string {
  return `ShelfSync ${kind} ${localId}`;
}

export function today(env: SyncEnv): string {
  return env.ctx.clock.now().toISOString().slice(0, 10);
}

export function linkObject(env: SyncEnv, entity: string, localId: string, object: QboObject, localUpdatedAt: string | null = null): void {
  saveLink(
    env.ctx.db,
    {
      entity,
      localId,
      qboId: object.Id,
      syncToken: object.SyncToken,
      qboUpdatedAt: object.MetaData?.LastUpdatedTime ?? null,
      localUpdatedAt,
    },
    env.ctx.clock.now(),
  );
  rememberQboVersion(env.ctx.db, entity, localId, object, env.ctx.clock.now());
}

/** The first object a query finds, or null. */
export async function findOne(env: SyncEnv, entity: string, where: string): Promise<QboObject | null> {
  const found = await env.qbo.queryAll(entity, where);
  return found[0] ?? null;
}

export function refValue(value: unknown): string | null {
  const v = (value as { value?: unknown } | undefined)?.value;
  return typeof v === 'string' && v !== '' ? v : null;
}

/** Why a QuickBooks document for a site that is inactive here stays out (a sync-log error a person acts on). */
export function inactiveSiteReason(siteName: string, document: 'estimate' | 'purchase order'): string {
  return `it is for ${siteName}, which is inactive in ShelfSync, so nothing new is made there. Make ${siteName} active again in Settings → Sites, or change the ${document}'s location in QuickBooks.`;
}
