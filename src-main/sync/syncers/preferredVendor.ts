/**
 * An item's preferred vendor from QuickBooks (PrefVendorRef), for reordering. Vendors are read before
 * items, so the vendor is normally linked already; one QuickBooks names that ShelfSync does not have
 * (inactive, or vendors not read from QuickBooks) is left out with a line in the sync log.
 */
import { setPreferredVendor } from '../../warehouse';
import { linkByQbo } from '../links';
import type { QboObject } from '../port';
import type { SyncEnv } from '../syncer';
import { effectsOf, fromQuickBooks } from './common';

function prefVendorId(object: QboObject): string | null {
  const value = (object.PrefVendorRef as { value?: unknown } | undefined)?.value;
  return typeof value === 'string' && value !== '' ? value : null;
}

export function applyPreferredVendor(env: SyncEnv, itemId: string, object: QboObject): void {
  const qboVendorId = prefVendorId(object);
  const link = qboVendorId === null ? null : linkByQbo(env.ctx.db, 'vendor', qboVendorId);
  if (qboVendorId !== null && !link) {
    env.log({
      level: 'warning',
      entity: 'items',
      localId: itemId,
      message: `QuickBooks names vendor ${qboVendorId} as the preferred vendor of "${String(object.Name)}", but ShelfSync does not have that vendor; choose one on the Low stock screen.`,
    });
    return;
  }
  setPreferredVendor(env.ctx.db, effectsOf(env.ctx), itemId, link?.localId ?? null, fromQuickBooks);
}
