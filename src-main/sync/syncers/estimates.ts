/**
 * Sales estimates ShelfSync → QuickBooks (seed 000): a posted estimate is created as a Pending Estimate.
 * An invoice written from it locally links to it (invoices.ts). Estimates posted here are never
 * imported back as picking orders (orders.ts skips them by link and marker).
 */
import { getEstimate, setEstimateQboTxnId } from '../../warehouse';
import { salesLinesToQbo } from '../mappers/documents';
import { linkByLocal } from '../links';
import type { PushSpec } from '../syncer';
import { effectsOf, linkObject, marker } from './common';
import { findSalesDocument, localSalesLines, partyQboId, preparing, usesCustomNumbers } from './documentRefs';

export const estimatePush: PushSpec = {
  kind: 'estimate.post',
  entity: 'estimates',
  directions: ['localToQbo'],
  wave: 2,
  prepare(env, row) {
    const estimate = getEstimate(env.ctx.db, row.localId);
    const label = `Estimate ${estimate.number}`;
    return preparing(label, async () => {
      if (linkByLocal(env.ctx.db, 'estimate', estimate.id)) return { action: 'skip', reason: 'It is already in QuickBooks.', label };
      const body: Record<string, unknown> = {
        ...((await usesCustomNumbers(env)) ? { DocNumber: estimate.number } : {}),
        TxnDate: estimate.date,
        ...(estimate.expirationDate ? { ExpirationDate: estimate.expirationDate } : {}),
        CustomerRef: { value: await partyQboId(env, 'customer', estimate.customerId) },
        TxnStatus: 'Pending',
        PrivateNote: marker('estimate', estimate.id),
        Line: salesLinesToQbo(localSalesLines(env, estimate.lines)),
      };
      return { action: 'create', entity: 'Estimate', body, label };
    });
  },
  findExisting(env, row, prepared) {
    return findSalesDocument(env, 'Estimate', prepared.body, marker('estimate', row.localId));
  },
  applied(env, row, object) {
    linkObject(env, 'estimate', row.localId, object);
    setEstimateQboTxnId(env.ctx.db, effectsOf(env.ctx), row.localId, object.Id);
  },
};
