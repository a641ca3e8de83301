/**
 * The stock ledger's one write path: a movement row and its stock level change together, inside the
 * caller's transaction, and so does the item list's copy of that level (item_stock). Nothing else writes
 * stock_movements, stock_levels or the on-hand in item_stock.
 */
import { AppError, type LevelChange, type Movement, type MovementKind } from '../../src-shared/ipc';
import { addQuantities, formatQuantity } from '../../src-shared/quantity';
import { readSettings, type Db } from '../db';
import { recordAudit } from './audit';
import { nowIso, type Effects } from './effects';
import { afterMove } from './itemStock';
import { inactiveSiteMessage } from './sites';
import { one, run } from './sql';

export interface MovementRequest {
  kind: MovementKind;
  itemId: string;
  siteId: string;
  /** Signed units of 1/10 000. */
  qty: number;
  documentType?: string | null;
  documentId?: string | null;
  reason?: string | null;
  note?: string | null;
  /** The bin a receipt was put away to (ShelfSync's own; never sent to QuickBooks). */
  binCode?: string | null;
  /** The input field a refusal names. */
  field?: string;
}

export interface PostedMovement {
  id: number;
  itemId: string;
  siteId: string;
  qty: number;
  balanceAfter: number;
}

interface Named {
  name: string;
  type?: string;
  active?: number;
}

export class Ledger {
  private readonly changed = new Map<string, LevelChange>();
  private readonly items = new Map<string, Named>();
  private readonly sites = new Map<string, Named>();

  constructor(
    private readonly db: Db,
    private readonly effects: Effects,
    readonly by: string,
    private readonly allowNegative: boolean,
  ) {}

  /** Current on-hand of an item at a site, in units. */
  onHand(itemId: string, siteId: string): number {
    return (
      one<{ on_hand: number }>(this.db, 'SELECT on_hand FROM stock_levels WHERE item_id = ? AND site_id = ?', itemId, siteId)
        ?.on_hand ?? 0
    );
  }

  move(m: MovementRequest): PostedMovement {
    const field = m.field ?? 'itemId';
    const item = this.item(m.itemId, field);
    if (item.type !== 'inventory') {
      throw new AppError('refused', `"${item.name}" is not an inventory item, so it carries no stock.`, field);
    }
    const site = this.site(m.siteId);
    const before = this.onHand(m.itemId, m.siteId);
    const after = addQuantities(before, m.qty);
    if (m.qty < 0 && after < 0 && !this.allowNegative) {
      throw new AppError(
        'refused',
        `Not enough "${item.name}" at ${site.name}: ${formatQuantity(before)} on hand, ` +
          `${formatQuantity(-m.qty)} asked for. (The setting "Allow negative stock" permits this.)`,
        m.field ?? 'qty',
      );
    }
    const at = nowIso(this.effects);
    run(
      this.db,
      `INSERT INTO stock_levels (item_id, site_id, on_hand, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (item_id, site_id) DO UPDATE SET on_hand = excluded.on_hand, updated_at = excluded.updated_at`,
      m.itemId,
      m.siteId,
      after,
      at,
    );
    afterMove(this.db, m.itemId, m.siteId, after);
    const id = Number(
      run(
        this.db,
        `INSERT INTO stock_movements (at, kind, item_id, site_id, qty, balance_after, document_type, document_id, reason, note, by, bin_code)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        at,
        m.kind,
        m.itemId,
        m.siteId,
        m.qty,
        after,
        m.documentType ?? null,
        m.documentId ?? null,
        m.reason ?? null,
        m.note ?? null,
        this.by,
        m.binCode ?? null,
      ).lastInsertRowid,
    );
    const signed = m.qty > 0 ? `+${formatQuantity(m.qty)}` : formatQuantity(m.qty);
    const source = m.documentType ? ` (${[m.documentType, m.documentId].filter(Boolean).join(' ')})` : '';
    recordAudit(this.db, this.effects, {
      by: this.by,
      recordType: 'item',
      recordId: m.itemId,
      action: `stock.${m.kind}`,
      detail: `${signed} at ${site.name}${source}; on hand ${formatQuantity(after)} (movement ${id})`,
      reason: m.reason ?? m.note ?? null,
    });
    this.changed.set(`${m.itemId}\u0000${m.siteId}`, { itemId: m.itemId, siteId: m.siteId, onHand: formatQuantity(after) });
    return { id, itemId: m.itemId, siteId: m.siteId, qty: m.qty, balanceAfter: after };
  }

  /** The levels this ledger changed, for the `stock.changed` event. */
  get levels(): LevelChange[] {
    return [...this.changed.values()];
  }

  private item(id: string, field: string): Named {
    let item = this.items.get(id);
    if (!item) {
      item = one<Named>(this.db, 'SELECT name, type FROM items WHERE id = ?', id);
      if (!item) throw new AppError('not_found', `There is no item with id "${id}".`, field);
      this.items.set(id, item);
    }
    return item;
  }

  private site(id: string): Named {
    let site = this.sites.get(id);
    if (!site) {
      site = one<Named>(this.db, 'SELECT name, active FROM sites WHERE id = ?', id);
      if (!site) throw new AppError('not_found', `There is no site with id "${id}".`, 'siteId');
      // The last guard: whatever the caller, no new movement at an inactive site (its history stays readable).
      if (site.active === 0) throw new AppError('refused', inactiveSiteMessage(site.name, 'move'), 'siteId');
      this.sites.set(id, site);
    }
    return site;
  }
}

/** A ledger for one transaction, reading the negative-stock setting once. */
export function openLedger(db: Db, effects: Effects, by: string): Ledger {
  return new Ledger(db, effects, by, readSettings(db).allowNegativeStock);
}

/** Tells the host's listeners which levels changed; call after the transaction has committed. */
export function announceLevels(effects: Effects, ledger: Ledger): void {
  const levels = ledger.levels;
  if (levels.length > 0) effects.emit?.('stock.changed', { levels });
}

interface MovementRow {
  id: number;
  at: string;
  kind: MovementKind;
  item_id: string;
  item_name: string;
  site_id: string;
  site_name: string;
  qty: number;
  balance_after: number;
  document_type: string | null;
  document_id: string | null;
  reason: string | null;
  note: string | null;
  by: string;
  bin_code: string | null;
}

export const movementSelect = `SELECT m.*, i.name AS item_name, s.name AS site_name
  FROM stock_movements m JOIN items i ON i.id = m.item_id JOIN sites s ON s.id = m.site_id`;

export function toMovement(r: MovementRow): Movement {
  return {
    id: r.id,
    at: r.at,
    kind: r.kind,
    itemId: r.item_id,
    itemName: r.item_name,
    siteId: r.site_id,
    siteName: r.site_name,
    qty: formatQuantity(r.qty),
    balanceAfter: formatQuantity(r.balance_after),
    documentType: r.document_type,
    documentId: r.document_id,
    reason: r.reason,
    note: r.note,
    by: r.by,
    binCode: r.bin_code,
  };
}

export function readMovement(db: Db, id: number): Movement {
  const row = one<MovementRow>(db, `${movementSelect} WHERE m.id = ?`, id);
  if (!row) throw new AppError('not_found', `There is no stock movement ${id}.`);
  return toMovement(row);
}

export type { MovementRow };
