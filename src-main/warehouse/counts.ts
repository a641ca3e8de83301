/** Count sessions: start at a site, enter or scan counted quantities, post the differences as count movements. */
import { AppError, type CountDifference, type CountLine, type CountSession, type CountSummary, type HandlerMap, type RequestInput } from '../../src-shared/ipc';
import { formatQuantity, subtractQuantities, toUnits } from '../../src-shared/quantity';
import type { Db, ServiceContext } from '../db';
import { recordAudit } from './audit';
import { requireBin } from './bins';
import { binsOfLines, finishCountBin, getCountBin, recordCountEntry, type LineBins } from './countBins';
import { actorOf, nowIso, type Effects, type WriteOptions } from './effects';
import { findItemByBarcode, requireItem } from './items';
import { notFound, parseRequest } from './parse';
import { requireActiveSite, requireSite } from './sites';
import { all, Filters, one, run } from './sql';
import { queueStockAdjust, withLedger } from './stock';

interface SessionRow {
  id: string;
  site_id: string;
  site_name: string;
  status: 'open' | 'posted';
  scope: 'all' | 'chosen';
  note: string | null;
  started_at: string;
  started_by: string;
  posted_at: string | null;
  posted_by: string | null;
  line_count: number;
  counted_count: number;
}

interface LineRow {
  item_id: string;
  item_name: string;
  expected: number;
  counted: number | null;
}

const toLine = (r: LineRow, bins: LineBins = { bins: [], uncountedBins: [] }): CountLine => ({
  itemId: r.item_id,
  itemName: r.item_name,
  expected: formatQuantity(r.expected),
  counted: r.counted === null ? null : formatQuantity(r.counted),
  bins: bins.bins,
  uncountedBins: bins.uncountedBins,
});

const sessionSelect = `SELECT c.*, s.name AS site_name,
            (SELECT COUNT(*) FROM count_lines WHERE count_id = c.id) AS line_count,
            (SELECT COUNT(*) FROM count_lines WHERE count_id = c.id AND counted IS NOT NULL) AS counted_count
       FROM count_sessions c JOIN sites s ON s.id = c.site_id`;

function requireSession(db: Db, id: string, field: string): SessionRow {
  const row = one<SessionRow>(db, `${sessionSelect} WHERE c.id = ?`, id);
  if (!row) throw notFound('count', id, field);
  return row;
}

const toSummary = (s: SessionRow): CountSummary => ({
  id: s.id,
  siteId: s.site_id,
  siteName: s.site_name,
  status: s.status,
  scope: s.scope,
  note: s.note,
  startedAt: s.started_at,
  startedBy: s.started_by,
  postedAt: s.posted_at,
  postedBy: s.posted_by,
  lineCount: s.line_count,
  countedCount: s.counted_count,
});

export function listCounts(db: Db, input: RequestInput<'counts.list'>): { rows: CountSummary[]; total: number } {
  const query = parseRequest('counts.list', input);
  if (query.siteId !== undefined) requireSite(db, query.siteId, 'siteId');
  const filters = new Filters().when(query.status, 'c.status = ?').when(query.siteId, 'c.site_id = ?');
  const total = one<{ n: number }>(db, `SELECT COUNT(*) AS n FROM count_sessions c ${filters.clause}`, ...filters.params)?.n ?? 0;
  const rows = all<SessionRow>(db, `${sessionSelect} ${filters.clause} ORDER BY c.started_at DESC, c.rowid DESC LIMIT ? OFFSET ?`, ...filters.params, query.limit, query.offset);
  return { rows: rows.map(toSummary), total };
}

export function getCount(db: Db, id: string, page = { limit: 100, offset: 0 }): CountSession {
  const s = requireSession(db, id, 'id');
  const lines = all<LineRow>(
    db,
    `SELECT l.item_id, i.name AS item_name, l.expected, l.counted
       FROM count_lines l JOIN items i ON i.id = l.item_id
      WHERE l.count_id = ? ORDER BY i.name_key LIMIT ? OFFSET ?`,
    id,
    page.limit,
    page.offset,
  );
  const bins = binsOfLines(db, id, s.site_id, lines.map((l) => l.item_id));
  return {
    ...toSummary(s),
    lines: lines.map((l) => toLine(l, bins.get(l.item_id))),
  };
}

export function startCount(db: Db, effects: Effects, input: RequestInput<'counts.start'>, options?: WriteOptions): CountSession {
  const data = parseRequest('counts.start', input);
  const by = data.by ?? actorOf(options);
  const site = requireActiveSite(db, data.siteId, 'siteId', 'count');
  const id = effects.ids.uuid();
  db.transaction(() => {
    run(
      db,
      `INSERT INTO count_sessions (id, site_id, scope, note, started_at, started_by) VALUES (?, ?, ?, ?, ?, ?)`,
      id,
      site.id,
      data.itemIds ? 'chosen' : 'all',
      data.note ?? null,
      nowIso(effects),
      by,
    );
    const addLine = `INSERT OR IGNORE INTO count_lines (count_id, item_id, expected)
      SELECT ?, i.id, COALESCE(l.on_hand, 0) FROM items i
        LEFT JOIN stock_levels l ON l.item_id = i.id AND l.site_id = ?`;
    if (data.itemIds) {
      data.itemIds.forEach((itemId, index) => {
        const item = requireItem(db, itemId, `itemIds.${index}`);
        if (item.type !== 'inventory') {
          throw new AppError('refused', `"${item.name}" is not an inventory item, so it is not counted.`, `itemIds.${index}`);
        }
        run(db, `${addLine} WHERE i.id = ?`, id, site.id, itemId);
      });
    } else {
      run(db, `${addLine} WHERE i.type = 'inventory' AND i.active = 1`, id, site.id);
    }
    recordAudit(db, effects, { by, recordType: 'count', recordId: id, action: 'started', detail: `at ${site.name}`, reason: data.note });
  })();
  return getCount(db, id);
}

export function enterCount(db: Db, input: RequestInput<'counts.enter'>) {
  const data = parseRequest('counts.enter', input);
  return db.transaction(() => {
    const session = requireSession(db, data.countId, 'countId');
    if (session.status !== 'open') throw new AppError('refused', 'This count has been posted; start a new count to count again.', 'countId');
    requireActiveSite(db, session.site_id, 'countId', 'count');
    const item = data.barcode !== undefined ? findItemByBarcode(db, data.barcode) : requireItem(db, data.itemId ?? '', 'itemId');
    const field = data.barcode !== undefined ? 'barcode' : 'itemId';
    const line = one<LineRow>(
      db,
      'SELECT l.item_id, ? AS item_name, l.expected, l.counted FROM count_lines l WHERE l.count_id = ? AND l.item_id = ?',
      item.name,
      session.id,
      item.id,
    );
    if (!line) throw new AppError('refused', `"${item.name}" is not part of this count.`, field);
    const bin = data.binCode === undefined ? null : requireBin(db, session.site_id, data.binCode, 'binCode');
    const counted = recordCountEntry(db, { countId: session.id, itemId: item.id, binId: bin?.id ?? null, units: toUnits(data.counted), add: data.add });
    return toLine({ ...line, counted }, binsOfLines(db, session.id, session.site_id, [item.id]).get(item.id));
  })();
}

export function postCount(db: Db, effects: Effects, input: RequestInput<'counts.post'>, options?: WriteOptions) {
  const data = parseRequest('counts.post', input);
  const by = data.by ?? actorOf(options);
  const differences = withLedger(db, effects, by, (ledger) => {
    const session = requireSession(db, data.countId, 'countId');
    if (session.status !== 'open') throw new AppError('refused', 'This count was already posted.', 'countId');
    requireActiveSite(db, session.site_id, 'countId', 'count');
    const lines = all<LineRow>(
      db,
      `SELECT l.item_id, i.name AS item_name, l.expected, l.counted FROM count_lines l JOIN items i ON i.id = l.item_id
        WHERE l.count_id = ? AND l.counted IS NOT NULL ORDER BY i.name_key`,
      session.id,
    );
    const found: CountDifference[] = [];
    for (const line of lines) {
      const counted = line.counted ?? 0;
      // Compared with on-hand now, not at the start: movements during the count are already in it.
      const expected = ledger.onHand(line.item_id, session.site_id);
      run(db, 'UPDATE count_lines SET expected = ? WHERE count_id = ? AND item_id = ?', expected, session.id, line.item_id);
      const difference = subtractQuantities(counted, expected);
      if (difference === 0) continue;
      const posted = ledger.move({
        kind: 'count',
        itemId: line.item_id,
        siteId: session.site_id,
        qty: difference,
        documentType: 'count',
        documentId: session.id,
        reason: 'count',
      });
      queueStockAdjust(db, effects, posted, 'count');
      found.push({
        itemId: line.item_id,
        itemName: line.item_name,
        expected: formatQuantity(expected),
        counted: formatQuantity(counted),
        difference: formatQuantity(difference),
        movementId: posted.id,
      });
    }
    run(db, `UPDATE count_sessions SET status = 'posted', posted_at = ?, posted_by = ? WHERE id = ?`, nowIso(effects), by, session.id);
    recordAudit(db, effects, {
      by,
      recordType: 'count',
      recordId: session.id,
      action: 'posted',
      detail: `${lines.length} items counted, ${found.length} differences`,
    });
    return found;
  });
  return { count: getCount(db, data.countId), differences };
}

export function countHandlers(): HandlerMap<`counts.${'start' | 'enter' | 'bin' | 'finishBin' | 'post' | 'get' | 'list'}`, ServiceContext> {
  return {
    'counts.bin': (input, ctx) => getCountBin(ctx.db, input),
    'counts.finishBin': (input, ctx) => finishCountBin(ctx.db, ctx, input),
    'counts.start': (input, ctx) => startCount(ctx.db, ctx, input),
    'counts.enter': (input, ctx) => enterCount(ctx.db, input),
    'counts.post': (input, ctx) => postCount(ctx.db, ctx, input),
    'counts.get': (input, ctx) => getCount(ctx.db, input.id, input),
    'counts.list': (input, ctx) => listCounts(ctx.db, input),
  };
}
