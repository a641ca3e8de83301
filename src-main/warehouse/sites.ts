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

export function listSites(db: Db): Site[] {
  return all<SiteRow>(db, 'SELECT * FROM sites ORDER BY is_default DESC, name_key').map(toSite);
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

/** Renames a site or maps it to a QuickBooks location (Multiple Sites); null clears the mapping. */
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
    recordAudit(db, effects, { by: actorOf(options), recordType: 'site', recordId: site.id, action: 'updated', detail: JSON.stringify(data) });
    return requireSite(db, site.id);
  })();
}

export function siteHandlers(): HandlerMap<'sites.list' | 'sites.create' | 'sites.update', ServiceContext> {
  return {
    'sites.list': (_input, ctx) => listSites(ctx.db),
    'sites.create': (input, ctx) => createSite(ctx.db, ctx, input),
    'sites.update': (input, ctx) => updateSite(ctx.db, ctx, input),
  };
}
