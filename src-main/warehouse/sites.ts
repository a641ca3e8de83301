/** Sites: the warehouse locations stock is kept at. One is the default (made by migration 0003). */
import { AppError, type HandlerMap, type RequestInput, type Site } from '../../src-shared/ipc';
import type { Db, ServiceContext } from '../db';
import { recordAudit } from './audit';
import { actorOf, nowIso, type Effects, type WriteOptions } from './effects';
import { parseRequest } from './parse';
import { all, bool, one, run } from './sql';

interface SiteRow {
  id: string;
  name: string;
  is_default: number;
  active: number;
  qbo_location_ref: string | null;
}

const toSite = (r: SiteRow): Site => ({
  id: r.id,
  name: r.name,
  isDefault: bool(r.is_default),
  active: bool(r.active),
  qboLocationRef: r.qbo_location_ref,
});

/** Every site, the default first; `active` keeps only the active (true) or inactive (false) ones. */
export function listSites(db: Db, active?: boolean): Site[] {
  const rows = all<SiteRow>(db, 'SELECT * FROM sites ORDER BY is_default DESC, name_key').map(toSite);
  return active === undefined ? rows : rows.filter((s) => s.active === active);
}

/** Why a site cannot be made inactive, as a sentence naming it; null when it can. */
function whyStaysActive(db: Db, site: Site): string | null {
  if (site.isDefault) return `${site.name} is the default site, where stock and orders go when no site is chosen, so it stays active.`;
  const held = one<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM stock_levels WHERE site_id = ? AND on_hand <> 0', site.id)?.n ?? 0;
  if (held > 0) {
    const items = held === 1 ? '1 item' : `${held} items`;
    return `${site.name} still holds stock of ${items}; transfer or adjust it to zero before deactivating the site.`;
  }
  return null;
}

/** The named site, or the default one when none is named. */
export function requireSite(db: Db, siteId: string | undefined, field = 'siteId'): Site {
  const row =
    siteId === undefined
      ? one<SiteRow>(db, 'SELECT * FROM sites WHERE is_default = 1')
      : one<SiteRow>(db, 'SELECT * FROM sites WHERE id = ?', siteId);
  if (!row) throw new AppError('not_found', `There is no site with id "${siteId ?? '(default)'}".`, field);
  return toSite(row);
}

/** What an inactive site refuses, said the way the clerk meets it. */
const refusedAtInactive = {
  move: 'no stock moves in or out of an inactive site',
  count: 'an inactive site is not counted',
  order: 'an inactive site takes no picking orders',
  pick: 'nothing is picked at an inactive site',
  purchase: 'an inactive site takes no purchase orders',
  receive: 'nothing is received at an inactive site',
} as const;
export type SiteWork = keyof typeof refusedAtInactive;

/** The sentence refusing `work` at an inactive site, naming it. */
export function inactiveSiteMessage(siteName: string, work: SiteWork): string {
  return `${siteName} is inactive, and ${refusedAtInactive[work]}. Make it active again in Settings → Sites first.`;
}

/**
 * The named site (the default one when none is named) when new work may happen there: an inactive site
 * keeps its history for reading and reports, but takes no new movement, count, order or receipt.
 */
export function requireActiveSite(db: Db, siteId: string | undefined, field: string, work: SiteWork): Site {
  const site = requireSite(db, siteId, field);
  if (!site.active) throw new AppError('refused', inactiveSiteMessage(site.name, work), field);
  return site;
}

export function createSite(db: Db, effects: Effects, input: RequestInput<'sites.create'>, options?: WriteOptions): Site {
  const data = parseRequest('sites.create', input);
  return db.transaction(() => {
    const key = data.name.toLowerCase();
    const clash = one<SiteRow>(db, 'SELECT * FROM sites WHERE name_key = ?', key);
    if (clash) throw new AppError('conflict', `A site named "${clash.name}" already exists.`, 'name');
    const id = effects.ids.uuid();
    const now = nowIso(effects);
    run(
      db,
      `INSERT INTO sites (id, name, name_key, qbo_location_ref, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
      id,
      data.name,
      key,
      data.qboLocationRef ?? null,
      now,
      now,
    );
    recordAudit(db, effects, { by: actorOf(options), recordType: 'site', recordId: id, action: 'created', detail: data.name });
    return requireSite(db, id);
  })();
}

/** Renames a site, maps it to a QuickBooks location (Multiple Sites; null clears it), or (de)activates it. */
export function updateSite(db: Db, effects: Effects, input: RequestInput<'sites.update'>, options?: WriteOptions): Site {
  const data = parseRequest('sites.update', input);
  return db.transaction(() => {
    const site = requireSite(db, data.id, 'id');
    if (data.name !== undefined) {
      const clash = one<SiteRow>(db, 'SELECT * FROM sites WHERE name_key = ? AND id <> ?', data.name.toLowerCase(), site.id);
      if (clash) throw new AppError('conflict', `A site named "${clash.name}" already exists.`, 'name');
      run(db, 'UPDATE sites SET name = ?, name_key = ?, updated_at = ? WHERE id = ?', data.name, data.name.toLowerCase(), nowIso(effects), site.id);
    }
    if (data.qboLocationRef !== undefined) {
      run(db, 'UPDATE sites SET qbo_location_ref = ?, updated_at = ? WHERE id = ?', data.qboLocationRef, nowIso(effects), site.id);
    }
    if (data.active !== undefined && data.active !== site.active) {
      const why = data.active ? null : whyStaysActive(db, site);
      if (why) throw new AppError('refused', why, 'active');
      run(db, 'UPDATE sites SET active = ?, updated_at = ? WHERE id = ?', data.active ? 1 : 0, nowIso(effects), site.id);
    }
    recordAudit(db, effects, { by: actorOf(options), recordType: 'site', recordId: site.id, action: 'updated', detail: JSON.stringify(data) });
    return requireSite(db, site.id);
  })();
}

export function siteHandlers(): HandlerMap<'sites.list' | 'sites.create' | 'sites.update', ServiceContext> {
  return {
    'sites.list': (input, ctx) => listSites(ctx.db, parseRequest('sites.list', input).active),
    'sites.create': (input, ctx) => createSite(ctx.db, ctx, input),
    'sites.update': (input, ctx) => updateSite(ctx.db, ctx, input),
  };
}
