/**
 * What documents sent to QuickBooks point at: items, customers and vendors by their QuickBooks Ids,
 * the company's numbering preference, and finding an earlier attempt by its marker. Nothing here
 * writes (prepare also runs for the Sync screen's preview).
 */
import { AppError } from '../../../src-shared/ipc';
import type { OutboxKind } from '../../db';
import { getItem, getParty } from '../../warehouse';
import { toUnits } from '../../../src-shared/quantity';
import { carriesMarker, type SalesLine } from '../mappers/documents';
import { linkByLocal } from '../links';
import type { QboObject } from '../port';
import type { Prepared, SyncEnv } from '../syncer';
import { qboString } from './common';

/** Thrown while preparing: the record depends on another one that is still on its way to QuickBooks. */
export class WaitFor extends Error {}

/** Runs a prepare step, turning a WaitFor into the engine's `wait` (the row stays due). */
export async function preparing(label: string, build: () => Promise<Prepared>): Promise<Prepared> {
  try {
    return await build();
  } catch (error) {
    if (error instanceof WaitFor) return { action: 'wait', reason: error.message, label };
    throw error;
  }
}

function pending(env: SyncEnv, kind: OutboxKind, localId: string): boolean {
  return (
    env.ctx.db.prepare("SELECT 1 FROM outbox WHERE kind = ? AND local_id = ? AND state IN ('pending', 'failed')").get(kind, localId) !==
    undefined
  );
}

export function itemQboId(env: SyncEnv, itemId: string): string {
  const link = linkByLocal(env.ctx.db, 'item', itemId);
  if (link) return link.qboId;
  const item = getItem(env.ctx.db, itemId);
  if (env.settings.directions.items === 'localToQbo' && pending(env, 'item.upsert', itemId)) {
    throw new WaitFor(`The item "${item.name}" is not in QuickBooks yet; the document follows it.`);
  }
  throw new AppError('refused', `The item "${item.name}" is not in QuickBooks. Add it there (or send items ShelfSync → QuickBooks), then Sync Now.`);
}

/**
 * A customer's or vendor's QuickBooks Id: through its link, else (not linked yet) the QuickBooks name
 * of the same display name, since names are unique there.
 */
export async function partyQboId(env: SyncEnv, kind: 'customer' | 'vendor', partyId: string): Promise<string> {
  const link = linkByLocal(env.ctx.db, kind, partyId);
  if (link) return link.qboId;
  const party = getParty(env.ctx.db, kind, partyId);
  const direction = kind === 'customer' ? env.settings.directions.customers : env.settings.directions.vendors;
  if ((direction === 'localToQbo' || direction === 'twoWay') && pending(env, `${kind}.upsert`, partyId)) {
    throw new WaitFor(`The ${kind} "${party.displayName}" is not in QuickBooks yet; the document follows it.`);
  }
  const entity = kind === 'customer' ? 'Customer' : 'Vendor';
  const found = await env.qbo.queryAll(entity, `DisplayName = ${qboString(party.displayName)}`);
  const match = found.find((o) => o.Active !== false) ?? found[0];
  if (match) return match.Id;
  throw new AppError(
    'refused',
    `The ${kind} "${party.displayName}" is not in QuickBooks. Add them there (or send ${kind}s ShelfSync → QuickBooks), then Sync Now.`,
  );
}

const customNumbers = new WeakMap<SyncEnv, Promise<boolean>>();

/**
 * Whether the company types its own document numbers (Preferences.SalesFormsPrefs.CustomTxnNumbers):
 * then ShelfSync sends its number; otherwise QuickBooks numbers the document. Read once per run.
 */
export function usesCustomNumbers(env: SyncEnv): Promise<boolean> {
  let answer = customNumbers.get(env);
  if (!answer) {
    answer = env.qbo.queryAll('Preferences').then((rows) => {
      const prefs = (rows[0]?.SalesFormsPrefs ?? {}) as { CustomTxnNumbers?: unknown };
      return prefs.CustomTxnNumbers !== false;
    });
    answer.catch(() => customNumbers.delete(env));
    customNumbers.set(env, answer);
  }
  return answer;
}

/** The object an earlier attempt made, found by a query and its exact marker. */
export async function findByMarker(env: SyncEnv, entity: string, where: string, marker: string): Promise<QboObject | null> {
  const found = await env.qbo.queryAll(entity, where);
  return found.find((o) => carriesMarker(o, marker)) ?? null;
}

/** A sales document an earlier attempt made: by its number when it was sent one, else by customer and date. */
export function findSalesDocument(env: SyncEnv, entity: string, body: Record<string, unknown>, marker: string): Promise<QboObject | null> {
  const customer = (body.CustomerRef as { value?: unknown } | undefined)?.value;
  const where =
    typeof body.DocNumber === 'string'
      ? `DocNumber = ${qboString(body.DocNumber)}`
      : `CustomerRef = ${qboString(String(customer))} AND TxnDate = ${qboString(String(body.TxnDate))}`;
  return findByMarker(env, entity, where, marker);
}

/** Sales lines of a local invoice or estimate: item lines by the item's QuickBooks Id, the rest as descriptions. */
export function localSalesLines(
  env: SyncEnv,
  lines: readonly { itemId: string | null; description: string | null; qty: string; unitPriceCents: number }[],
): SalesLine[] {
  return lines.map((l, index) => {
    // QuickBooks carries no amount on a line without an item: refuse rather than drop the money.
    if (!l.itemId && l.unitPriceCents !== 0) {
      throw new AppError(
        'refused',
        `Line ${index + 1} ("${l.description ?? ''}") has a price but no item; QuickBooks needs an item to charge it. Pick an item for it.`,
      );
    }
    return {
      qboItemId: l.itemId ? itemQboId(env, l.itemId) : null,
      description: l.description,
      units: toUnits(l.qty),
      unitPriceCents: l.unitPriceCents,
    };
  });
}
