/**
 * Counting bin by bin: the clerk scans a bin label, then the items in it; each quantity is kept per
 * (item, bin) in `count_bin_lines` ('' = counted with no bin), and the count line's counted quantity is
 * the sum over the item's bins. Finishing a bin lists the items kept there but not scanned there, and
 * counts as 0 only those the clerk confirms. Bins are ShelfSync's own: posting sends per-site totals only.
 */
import { AppError, type CountBin, type RequestInput } from '../../src-shared/ipc';
import { addQuantities, formatQuantity } from '../../src-shared/quantity';
import type { Db } from '../db';
import { recordAudit } from './audit';
import { actorOf, nowIso, type Effects, type WriteOptions } from './effects';
import { requireBin } from './bins';
import { parseRequest } from './parse';
import { requireActiveSite } from './sites';
import { all, one, run } from './sql';

/** The count line's `bins` and `uncountedBins`, for each of the given items. */
export interface LineBins {
  bins: { binCode: string; counted: string }[];
  uncountedBins: string[];
}

export function binsOfLines(db: Db, countId: string, siteId: string, itemIds: readonly string[]): Map<string, LineBins> {
  const out = new Map<string, LineBins>(itemIds.map((id) => [id, { bins: [], uncountedBins: [] }]));
  if (itemIds.length === 0) return out;
  const ids = JSON.stringify(itemIds);
  const cells = all<{ item_id: string; code: string; counted: number }>(
    db,
    `SELECT c.item_id, b.code, c.counted FROM count_bin_lines c JOIN bins b ON b.id = c.bin_id
      WHERE c.count_id = ? AND c.item_id IN (SELECT value FROM json_each(?)) ORDER BY b.code_key`,
    countId,
    ids,
  );
  for (const cell of cells) out.get(cell.item_id)?.bins.push({ binCode: cell.code, counted: formatQuantity(cell.counted) });
  // Kept in a bin where it was not counted, once it was counted in some bin: its sum may be short.
  const missing = all<{ item_id: string; code: string }>(
    db,
    `SELECT ib.item_id, b.code FROM item_bins ib JOIN bins b ON b.id = ib.bin_id
      WHERE ib.site_id = ? AND ib.item_id IN (SELECT value FROM json_each(?))
        AND EXISTS (SELECT 1 FROM count_bin_lines c WHERE c.count_id = ? AND c.item_id = ib.item_id AND c.bin_id <> '')
        AND NOT EXISTS (SELECT 1 FROM count_bin_lines c WHERE c.count_id = ? AND c.item_id = ib.item_id AND c.bin_id = ib.bin_id)
      ORDER BY b.code_key`,
    siteId,
    ids,
    countId,
    countId,
  );
  for (const row of missing) out.get(row.item_id)?.uncountedBins.push(row.code);
  return out;
}

/** What was counted of the item in one bin ('' = with no bin), in units; undefined when nothing was. */
function cell(db: Db, countId: string, itemId: string, binId: string): number | undefined {
  return one<{ counted: number }>(db, 'SELECT counted FROM count_bin_lines WHERE count_id = ? AND item_id = ? AND bin_id = ?', countId, itemId, binId)?.counted;
}

function setCell(db: Db, countId: string, itemId: string, binId: string, counted: number): void {
  run(
    db,
    `INSERT INTO count_bin_lines (count_id, item_id, bin_id, counted) VALUES (?, ?, ?, ?)
     ON CONFLICT (count_id, item_id, bin_id) DO UPDATE SET counted = excluded.counted`,
    countId,
    itemId,
    binId,
    counted,
  );
}

/** Sets the count line's counted quantity to the sum over its bins (null when nothing was counted); answers it. */
function sumIntoLine(db: Db, countId: string, itemId: string): number | null {
  const cells = all<{ counted: number }>(db, 'SELECT counted FROM count_bin_lines WHERE count_id = ? AND item_id = ?', countId, itemId);
  const counted = cells.length === 0 ? null : addQuantities(...cells.map((c) => c.counted));
  run(db, 'UPDATE count_lines SET counted = ? WHERE count_id = ? AND item_id = ?', counted, countId, itemId);
  return counted;
}

/**
 * Records one entry of a count (call inside the transaction): `add` adds to what the bin (or, with no bin,
 * the item counted outside bins) holds so far; a replacement in a bin replaces that bin's quantity; a
 * replacement with no bin is the item's whole count and replaces everything counted of it, bins included.
 * Answers the line's new counted quantity.
 */
export function recordCountEntry(db: Db, entry: { countId: string; itemId: string; binId: string | null; units: number; add: boolean }): number | null {
  const binId = entry.binId ?? '';
  if (entry.add) {
    setCell(db, entry.countId, entry.itemId, binId, addQuantities(cell(db, entry.countId, entry.itemId, binId) ?? 0, entry.units));
  } else {
    if (entry.binId === null) run(db, 'DELETE FROM count_bin_lines WHERE count_id = ? AND item_id = ?', entry.countId, entry.itemId);
    setCell(db, entry.countId, entry.itemId, binId, entry.units);
  }
  return sumIntoLine(db, entry.countId, entry.itemId);
}

interface OpenCount {
  id: string;
  site_id: string;
  status: 'open' | 'posted';
}

/** The open count and the bin (by code, at the count's site) it is counted in. */
export function openCountBin(db: Db, countId: string, binCode: string): { count: OpenCount; bin: { id: string; code: string } } {
  const count = one<OpenCount>(db, 'SELECT id, site_id, status FROM count_sessions WHERE id = ?', countId);
  if (!count) throw new AppError('not_found', `There is no count with id "${countId}".`, 'countId');
  if (count.status !== 'open') throw new AppError('refused', 'This count has been posted; start a new count to count again.', 'countId');
  requireActiveSite(db, count.site_id, 'countId', 'count');
  return { count, bin: requireBin(db, count.site_id, binCode, 'binCode') };
}

function readCountBin(db: Db, count: OpenCount, bin: { id: string; code: string }): CountBin {
  const counted = all<{ item_id: string; item_name: string; counted: number }>(
    db,
    `SELECT c.item_id, i.name AS item_name, c.counted FROM count_bin_lines c JOIN items i ON i.id = c.item_id
      WHERE c.count_id = ? AND c.bin_id = ? ORDER BY i.name_key`,
    count.id,
    bin.id,
  );
  const notScanned = all<{ item_id: string; item_name: string; expected: number }>(
    db,
    `SELECT l.item_id, i.name AS item_name, l.expected FROM item_bins ib
       JOIN count_lines l ON l.count_id = ? AND l.item_id = ib.item_id JOIN items i ON i.id = ib.item_id
      WHERE ib.bin_id = ? AND NOT EXISTS (SELECT 1 FROM count_bin_lines c WHERE c.count_id = l.count_id AND c.item_id = l.item_id AND c.bin_id = ib.bin_id)
      ORDER BY i.name_key`,
    count.id,
    bin.id,
  );
  const finished = one<{ finished_at: string }>(db, 'SELECT finished_at FROM count_bins WHERE count_id = ? AND bin_id = ?', count.id, bin.id);
  return {
    countId: count.id,
    binId: bin.id,
    binCode: bin.code,
    finishedAt: finished?.finished_at ?? null,
    counted: counted.map((r) => ({ itemId: r.item_id, itemName: r.item_name, counted: formatQuantity(r.counted) })),
    notScanned: notScanned.map((r) => ({ itemId: r.item_id, itemName: r.item_name, expected: formatQuantity(r.expected) })),
  };
}

export function getCountBin(db: Db, input: RequestInput<'counts.bin'>): CountBin {
  const data = parseRequest('counts.bin', input);
  const { count, bin } = openCountBin(db, data.countId, data.binCode);
  return readCountBin(db, count, bin);
}

export function finishCountBin(db: Db, effects: Effects, input: RequestInput<'counts.finishBin'>, options?: WriteOptions): CountBin {
  const data = parseRequest('counts.finishBin', input);
  const by = data.by ?? actorOf(options);
  return db.transaction(() => {
    const { count, bin } = openCountBin(db, data.countId, data.binCode);
    const waiting = new Map(readCountBin(db, count, bin).notScanned.map((r) => [r.itemId, r]));
    const zero = [...new Set(data.zeroItemIds)];
    data.zeroItemIds.forEach((itemId, index) => {
      if (waiting.has(itemId)) return;
      const name = one<{ name: string }>(db, 'SELECT name FROM items WHERE id = ?', itemId)?.name;
      const what = name === undefined ? `There is no item with id "${itemId}"` : `"${name}" is not waiting to be counted in bin ${bin.code} (it is not kept there, or was counted there already)`;
      throw new AppError('refused', `${what}, so it cannot be confirmed as none there.`, `zeroItemIds.${index}`);
    });
    for (const itemId of zero) recordCountEntry(db, { countId: count.id, itemId, binId: bin.id, units: 0, add: false });
    run(
      db,
      `INSERT INTO count_bins (count_id, bin_id, finished_at, finished_by) VALUES (?, ?, ?, ?)
       ON CONFLICT (count_id, bin_id) DO UPDATE SET finished_at = excluded.finished_at, finished_by = excluded.finished_by`,
      count.id,
      bin.id,
      nowIso(effects),
      by,
    );
    const left = waiting.size - zero.length;
    recordAudit(db, effects, {
      by,
      recordType: 'count',
      recordId: count.id,
      action: 'bin.finished',
      detail: `${bin.code}: ${zero.length} confirmed as none, ${left} left uncounted there`,
    });
    return readCountBin(db, count, bin);
  })();
}
