/**
 * QuickBooks estimates → ShelfSync picking orders (seeds 000/001): open estimates become picking orders with the
 * same number, inventory-part lines only, at the site the Multiple Sites rule gives. An imported order
 * whose estimate moved on in QuickBooks is updated while untouched, else flagged out of sync (and then
 * not posted; see orderPosting.ts).
 */
import { AppError, type PickingOrder } from '../../../src-shared/ipc';
import { formatQuantity } from '../../../src-shared/quantity';
import {
  applyQboOrderChange,
  clearOrderOutOfSync,
  createCustomer,
  createPickingOrder,
  getItem,
  getPickingOrder,
  listSites,
  markOrderOutOfSync,
  requireSite,
} from '../../warehouse';
import { madeByShelfSync } from '../mappers/documents';
import { estimateItemLines, isOpenEstimate, processedInQuickBooks, refOf, sameOrder, siteForEstimate, type OrderShape } from '../mappers/salesOrder';
import { linkByLocal, linkByQbo, saveLink, type Link } from '../links';
import type { QboObject } from '../port';
import { bump } from '../runs';
import { isDeleted, type PullSpec, type SyncEnv } from '../syncer';
import { effectsOf, fromQuickBooks, inactiveSiteReason, linkObject } from './common';
import { ownPostingVerdict } from './orderPosting';

const key = 'salesOrders.pull';
type Line = OrderShape['lines'][number];
/**
 * Not imported: `nothingToPick` (no inventory lines) and `unknownItem` (items are not taken from
 * QuickBooks, so the order's parts are not in ShelfSync: expected, not an error) are noted in the log
 * only; the rest (site rule, refusals) are errors the user must fix in QuickBooks.
 */
type Plan = { ok: true; siteId: string; lines: Line[] } | { ok: false; reason: string; nothingToPick?: true; unknownItem?: true };

/** The lines and site an estimate gives; no writes. */
function planEstimate(env: SyncEnv, estimate: QboObject): Plan {
  const db = env.ctx.db;
  const lines: Line[] = [];
  for (const line of estimateItemLines(estimate)) {
    const link = linkByQbo(db, 'item', line.qboItemId);
    if (!link) {
      // Items QuickBooks → ShelfSync ran first and brought every inventory, non-inventory and service item:
      // an unknown one is of a type ShelfSync does not keep. In other directions it may be a part we lack.
      if (env.settings.directions.items === 'qboToLocal') continue;
      return { ok: false, reason: `the item "${line.itemName}" is not in ShelfSync, so it cannot be picked.`, unknownItem: true };
    }
    const item = getItem(db, link.localId);
    if (item.type !== 'inventory') continue;
    lines.push({ itemId: item.id, qty: formatQuantity(line.units), qboLineRef: line.lineId });
  }
  if (lines.length === 0) return { ok: false, reason: 'it has no inventory-part lines, so there is nothing to pick.', nothingToPick: true };
  const sites = listSites(db);
  const site = siteForEstimate(estimate, sites, env.settings.multipleSites);
  if (!site.ok) return { ok: false, reason: site.reason };
  const chosen = sites.find((s) => s.id === site.siteId) ?? requireSite(db, undefined);
  if (!chosen.active) return { ok: false, reason: inactiveSiteReason(chosen.name, 'estimate') };
  return { ok: true, siteId: chosen.id, lines };
}

/**
 * The local customer (and service location) of the estimate's CustomerRef. Not linked yet (the
 * customers syncer is off or has not seen it): the local customer of that name, else a new one with
 * just the name; linked with an unknown SyncToken so the customers pull fills in the rest later.
 */
function customerFor(env: SyncEnv, estimate: QboObject): { customerId: string; serviceLocationId: string | null } {
  const db = env.ctx.db;
  const ref = refOf(estimate.CustomerRef);
  if (!ref) throw new AppError('refused', 'it names no customer.');
  const location = linkByQbo(db, 'serviceLocation', ref.id);
  if (location) {
    const customerId = db.prepare('SELECT customer_id FROM service_locations WHERE id = ?').pluck().get(location.localId) as string;
    return { customerId, serviceLocationId: location.localId };
  }
  const linked = linkByQbo(db, 'customer', ref.id);
  if (linked) return { customerId: linked.localId, serviceLocationId: null };
  const name = (ref.name ?? `QuickBooks customer ${ref.id}`).slice(0, 100);
  const existing = db.prepare('SELECT id FROM customers WHERE name_key = ?').pluck().get(name.toLowerCase()) as string | undefined;
  if (existing && linkByLocal(db, 'customer', existing)) {
    throw new AppError('refused', `its customer "${name}" matches a ShelfSync customer linked to another QuickBooks customer.`);
  }
  const customer = existing ? { id: existing } : createCustomer(db, effectsOf(env.ctx), { displayName: name }, fromQuickBooks);
  const updatedAt = db.prepare('SELECT updated_at FROM customers WHERE id = ?').pluck().get(customer.id) as string;
  saveLink(db, { entity: 'customer', localId: customer.id, qboId: ref.id, syncToken: '', qboUpdatedAt: null, localUpdatedAt: updatedAt }, env.ctx.clock.now());
  return { customerId: customer.id, serviceLocationId: null };
}

function labelOf(estimate: QboObject): string {
  return typeof estimate.DocNumber === 'string' && estimate.DocNumber !== '' ? `QuickBooks estimate ${estimate.DocNumber}` : `QuickBooks estimate (Id ${estimate.Id})`;
}

function importEstimate(env: SyncEnv, estimate: QboObject): void {
  const db = env.ctx.db;
  const label = labelOf(estimate);
  const plan = planEstimate(env, estimate);
  if (!plan.ok) {
    const expected = plan.nothingToPick === true || plan.unknownItem === true;
    env.log({ level: expected ? 'info' : 'error', entity: 'salesOrders', message: `${label} was not imported: ${plan.reason}` });
    bump(env.counts, key, expected ? 'skipped' : 'failed');
    return;
  }
  const number = typeof estimate.DocNumber === 'string' && estimate.DocNumber !== '' ? estimate.DocNumber : undefined;
  try {
    // One savepoint: a refused order leaves neither the order nor a customer made for it.
    db.transaction(() => {
      const customer = customerFor(env, estimate);
      const order = createPickingOrder(
        db,
        effectsOf(env.ctx),
        {
          ...(number === undefined ? {} : { number }),
          customerId: customer.customerId,
          serviceLocationId: customer.serviceLocationId,
          siteId: plan.siteId,
          lines: plan.lines,
        },
        { ...fromQuickBooks, qboTxnId: estimate.Id },
      );
      linkObject(env, 'salesOrder', order.id, estimate);
    })();
    bump(env.counts, key, 'created');
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    env.log({ level: 'error', entity: 'salesOrders', message: `${label} was not imported: ${error.message}` });
    bump(env.counts, key, 'failed');
  }
}

function flag(env: SyncEnv, order: PickingOrder, reason: string): void {
  if (order.outOfSync && order.outOfSyncReason === reason) return;
  markOrderOutOfSync(env.ctx.db, effectsOf(env.ctx), order.id, reason);
  env.log({
    level: 'warning',
    entity: 'salesOrders',
    localId: order.id,
    message: `Order ${order.number} is out of sync with QuickBooks: ${reason} It will not be posted until this is resolved.`,
  });
}

/** An estimate already imported changed in QuickBooks. */
function followLinked(env: SyncEnv, estimate: QboObject, link: Link): void {
  const db = env.ctx.db;
  const order = getPickingOrder(db, link.localId);
  // A closed order is finished here (closed unpicked, or settled in QuickBooks): later changes there are QuickBooks' own.
  if ((link.syncToken === estimate.SyncToken && !env.resendAll) || order.status === 'closed') {
    if (order.status === 'closed' && !isDeleted(estimate)) linkObject(env, 'salesOrder', order.id, estimate);
    bump(env.counts, key, 'skipped');
    return;
  }
  bump(env.counts, key, 'updated');
  const processed = processedInQuickBooks(estimate, (txnId) => ownPostingVerdict(env, order.id, txnId));
  if (processed) {
    flag(env, order, processed);
    if (!isDeleted(estimate)) linkObject(env, 'salesOrder', order.id, estimate);
    return;
  }
  const plan = planEstimate(env, estimate);
  if (!plan.ok) {
    flag(env, order, `The estimate changed in QuickBooks: ${plan.reason}`);
  } else if (plan.siteId !== order.siteId) {
    flag(env, order, 'The estimate’s location changed in QuickBooks.');
  } else {
    const customer = customerFor(env, estimate);
    const incoming: OrderShape = { ...customer, siteId: plan.siteId, lines: plan.lines };
    const current: OrderShape = {
      customerId: order.customerId,
      serviceLocationId: order.serviceLocationId,
      siteId: order.siteId,
      lines: order.lines.map((l) => ({ itemId: l.itemId, qty: l.ordered, qboLineRef: l.qboLineRef })),
    };
    if (!sameOrder(incoming, current)) {
      const input = { number: order.number, ...customer, siteId: order.siteId, lines: plan.lines };
      const { applied } = applyQboOrderChange(db, effectsOf(env.ctx), order.id, input);
      env.log(
        applied
          ? { level: 'info', entity: 'salesOrders', localId: order.id, message: `Order ${order.number} was updated from QuickBooks.` }
          : {
              level: 'warning',
              entity: 'salesOrders',
              localId: order.id,
              message: `Order ${order.number} changed in QuickBooks after picking started; it is marked out of sync and will not be posted until this is resolved.`,
            },
      );
    } else if (order.outOfSync) {
      clearOrderOutOfSync(db, effectsOf(env.ctx), order.id);
      env.log({ level: 'info', entity: 'salesOrders', localId: order.id, message: `Order ${order.number} agrees with QuickBooks again and can be posted.` });
    }
  }
  linkObject(env, 'salesOrder', order.id, estimate);
}

function applyEstimate(env: SyncEnv, estimate: QboObject): void {
  // Estimates ShelfSync itself posted are sales documents, not orders to pick.
  if (madeByShelfSync(estimate) || linkByQbo(env.ctx.db, 'estimate', estimate.Id)) {
    bump(env.counts, key, 'skipped');
    return;
  }
  const link = linkByQbo(env.ctx.db, 'salesOrder', estimate.Id);
  if (link) followLinked(env, estimate, link);
  else if (isDeleted(estimate) || !isOpenEstimate(estimate)) bump(env.counts, key, 'skipped');
  else importEstimate(env, estimate);
}

export const salesOrderPull: PullSpec = {
  entity: 'salesOrders',
  qboEntity: 'Estimate',
  directions: ['qboToLocal'],
  // Every estimate, not just open ones: after a long gap the full read must also see imported ones closed meanwhile.
  fullReads: [undefined],
  apply(env, objects) {
    for (const object of objects) applyEstimate(env, object);
  },
};
