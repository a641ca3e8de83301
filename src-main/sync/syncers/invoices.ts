/**
 * Invoices ShelfSync → QuickBooks (seed 002): an invoice marked ready for sync is created in QuickBooks
 * (linked to its estimate when it came from one); ShelfSync then shows QuickBooks' number, and the paid
 * status comes back on later pulls from the invoice's Balance.
 */
import { getInvoice, setInvoiceBalance, setInvoiceQboNumber } from '../../warehouse';
import { centsOf, salesLinesToQbo } from '../mappers/documents';
import { linkByLocal, linkByQbo } from '../links';
import { bump } from '../runs';
import { isDeleted, type PullSpec, type PushSpec, type SyncEnv } from '../syncer';
import { effectsOf, linkObject, marker } from './common';
import { findSalesDocument, localSalesLines, partyQboId, preparing, usesCustomNumbers, WaitFor } from './documentRefs';

/** The estimate link of an invoice written from an estimate; the estimate goes first when still on its way. */
function estimateLink(env: SyncEnv, estimateId: string | null): Record<string, unknown>[] {
  if (!estimateId) return [];
  const link = linkByLocal(env.ctx.db, 'estimate', estimateId);
  if (link) return [{ TxnId: link.qboId, TxnType: 'Estimate' }];
  const waiting = env.ctx.db
    .prepare("SELECT 1 FROM outbox WHERE kind = 'estimate.post' AND local_id = ? AND state IN ('pending', 'failed')")
    .get(estimateId);
  if (waiting && env.settings.directions.estimates === 'localToQbo') throw new WaitFor('Its estimate is not in QuickBooks yet; the invoice follows it.');
  return [];
}

/** An order posts its own invoice (order.post): an invoice also written from it locally would bill it twice. */
function orderPostsItself(env: SyncEnv, orderId: string | null): boolean {
  if (!orderId) return false;
  return env.ctx.db.prepare("SELECT 1 FROM outbox WHERE kind = 'order.post' AND local_id = ? AND state != 'skipped'").get(orderId) !== undefined;
}

export const invoicePush: PushSpec = {
  kind: 'invoice.post',
  entity: 'invoices',
  directions: ['localToQbo'],
  // After estimates (wave 2), so an invoice can link to an estimate posted in the same run.
  wave: 3,
  prepare(env, row) {
    const invoice = getInvoice(env.ctx.db, row.localId);
    const label = `Invoice ${invoice.number}`;
    return preparing(label, async () => {
      if (linkByLocal(env.ctx.db, 'invoice', invoice.id)) return { action: 'skip', reason: 'It is already in QuickBooks.', label };
      if (orderPostsItself(env, invoice.orderId)) {
        return { action: 'skip', reason: 'Its picking order is invoiced in QuickBooks by its own posting; sending this too would bill it twice.', label };
      }
      const linked = estimateLink(env, invoice.estimateId);
      const body: Record<string, unknown> = {
        // A company that types its own numbers gets ours; otherwise QuickBooks numbers it and we take that number.
        ...((await usesCustomNumbers(env)) ? { DocNumber: invoice.number } : {}),
        TxnDate: invoice.date,
        ...(invoice.dueDate ? { DueDate: invoice.dueDate } : {}),
        CustomerRef: { value: await partyQboId(env, 'customer', invoice.customerId) },
        PrivateNote: marker('invoice', invoice.id),
        Line: salesLinesToQbo(localSalesLines(env, invoice.lines)),
        ...(linked.length > 0 ? { LinkedTxn: linked } : {}),
      };
      return { action: 'create', entity: 'Invoice', body, label };
    });
  },
  findExisting(env, row, prepared) {
    return findSalesDocument(env, 'Invoice', prepared.body, marker('invoice', row.localId));
  },
  applied(env, row, object) {
    const effects = effectsOf(env.ctx);
    linkObject(env, 'invoice', row.localId, object);
    const number = typeof object.DocNumber === 'string' && object.DocNumber !== '' ? object.DocNumber : null;
    setInvoiceQboNumber(env.ctx.db, effects, row.localId, { qboNumber: number, qboTxnId: object.Id });
    const balance = centsOf(object.Balance);
    if (balance !== null) setInvoiceBalance(env.ctx.db, effects, row.localId, balance);
    if (!number) {
      env.log({ level: 'warning', entity: 'invoices', localId: row.localId, message: `QuickBooks gave invoice ${getInvoice(env.ctx.db, row.localId).number} no number; it keeps its ShelfSync number.` });
    }
  },
};

/** Paid status back from QuickBooks: only the Balance of invoices ShelfSync sent is taken. */
export const invoiceBalancePull: PullSpec = {
  entity: 'invoices',
  qboEntity: 'Invoice',
  directions: ['localToQbo'],
  fullReads: [undefined],
  apply(env, objects) {
    for (const object of objects) {
      const link = isDeleted(object) ? null : linkByQbo(env.ctx.db, 'invoice', object.Id);
      const balance = centsOf(object.Balance);
      if (!link || balance === null) continue;
      // The version ShelfSync itself just sent (or last took): nothing to apply.
      if (link.syncToken === object.SyncToken && !env.resendAll) {
        bump(env.counts, 'invoices.pull', 'skipped');
        continue;
      }
      const before = getInvoice(env.ctx.db, link.localId);
      setInvoiceBalance(env.ctx.db, effectsOf(env.ctx), link.localId, balance);
      linkObject(env, 'invoice', link.localId, object);
      bump(env.counts, 'invoices.pull', before.balanceCents === balance ? 'skipped' : 'updated');
    }
  },
};
