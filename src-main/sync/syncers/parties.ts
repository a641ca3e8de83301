/**
 * Customers (with sub-customers as service locations) and vendors. Customers go one way either
 * direction or both ways; both ways, when a record changed on both sides since the last sync, the
 * most recent edit wins and the other version goes to the conflict inbox.
 */
import type { Customer, Party } from '../../../src-shared/ipc';
import {
  createCustomer,
  createServiceLocation,
  createVendor,
  getCustomer,
  getParty,
  updateCustomer,
  updateServiceLocation,
  updateVendor,
} from '../../warehouse';
import { enqueueOutbox } from '../../db';
import { recordConflict } from '../conflicts';
import { linkByLocal, linkByQbo, type Link } from '../links';
import { qboVersion, rememberQboVersion } from '../qboVersions';
import { parseQboAddress, sameAddress, toQboAddress, toQboAddressLike, type LocalAddress, type QboAddress } from '../mappers/address';
import { partyChanges, partyFromQbo, partyToQbo, stripDeletedSuffix, type PartyFields } from '../mappers/party';
import { skipWaiting } from '../outboxQueue';
import type { QboObject } from '../port';
import { bump } from '../runs';
import { isDeleted, type PullSpec, type PushSpec, type SyncEnv } from '../syncer';
import { effectsOf, findOne, fromQuickBooks, linkObject, qboString, refValue } from './common';

type Kind = 'customer' | 'vendor';
const qboEntity = { customer: 'Customer', vendor: 'Vendor' } as const;
const table = { customer: 'customers', vendor: 'vendors' } as const;
const countKey = { customer: 'customers.pull', vendor: 'vendors.pull' } as const;

function fieldsOf(party: Party): PartyFields {
  return {
    displayName: party.displayName,
    companyName: party.companyName,
    givenName: party.givenName,
    familyName: party.familyName,
    email: party.email,
    phone: party.phone,
    billingAddress: party.billingAddress,
    shippingAddress: party.shippingAddress,
    active: party.active,
  };
}

const same = (a: PartyFields, b: PartyFields) => JSON.stringify(a) === JSON.stringify(b);

function readLocal(env: SyncEnv, kind: Kind, id: string): Party {
  return kind === 'customer' ? getCustomer(env.ctx.db, id) : getParty(env.ctx.db, 'vendor', id);
}

function writeLocal(env: SyncEnv, kind: Kind, id: string | null, fields: PartyFields, origin: 'qbo' | 'local'): Party {
  const effects = effectsOf(env.ctx);
  const options = origin === 'qbo' ? fromQuickBooks : undefined;
  if (kind === 'customer') return id ? updateCustomer(env.ctx.db, effects, { id, ...fields }, options) : createCustomer(env.ctx.db, effects, fields, options);
  return id ? updateVendor(env.ctx.db, effects, { id, ...fields }, options) : createVendor(env.ctx.db, effects, fields, options);
}

function idByName(env: SyncEnv, kind: Kind, name: string): string | null {
  const row = env.ctx.db.prepare(`SELECT id FROM ${table[kind]} WHERE name_key = ?`).get(name.toLowerCase()) as { id: string } | undefined;
  return row?.id ?? null;
}

function applyParty(env: SyncEnv, kind: Kind, object: QboObject): void {
  const key = countKey[kind];
  const link = linkByQbo(env.ctx.db, kind, object.Id);
  if (isDeleted(object)) {
    if (link) writeLocal(env, kind, link.localId, { ...fieldsOf(readLocal(env, kind, link.localId)), active: false }, 'qbo');
    bump(env.counts, key, link ? 'updated' : 'skipped');
    return;
  }
  const incoming = partyFromQbo(object);
  const localId = link?.localId ?? idByName(env, kind, incoming.displayName);
  if (!localId) {
    const created = writeLocal(env, kind, null, incoming, 'qbo');
    linkObject(env, kind, created.id, object, created.updatedAt);
    bump(env.counts, key, 'created');
    return;
  }
  if (link && link.syncToken === object.SyncToken && !env.resendAll) {
    bump(env.counts, key, 'skipped');
    return;
  }
  const local = readLocal(env, kind, localId);
  const mine = fieldsOf(local);
  const localChanged = link !== null && link.localUpdatedAt !== local.updatedAt;
  const twoWay = kind === 'customer' && env.settings.directions.customers === 'twoWay';
  if (twoWay && localChanged && !same(mine, incoming)) {
    resolveBothChanged(env, kind, local, incoming, object);
    return;
  }
  if (same(mine, incoming)) {
    linkObject(env, kind, localId, object, local.updatedAt);
    bump(env.counts, key, 'skipped');
    return;
  }
  const updated = writeLocal(env, kind, localId, incoming, 'qbo');
  linkObject(env, kind, localId, object, updated.updatedAt);
  bump(env.counts, key, 'updated');
}

/** Both sides changed: the latest edit wins; the other version goes to the conflict inbox. */
function resolveBothChanged(env: SyncEnv, kind: Kind, local: Party, incoming: PartyFields, object: QboObject): void {
  const qboAt = object.MetaData?.LastUpdatedTime ?? new Date(0).toISOString();
  // QuickBooks stamps edits to the second; within the same second, QuickBooks (the books) wins.
  const qboWins = Math.floor(Date.parse(qboAt) / 1000) >= Math.floor(Date.parse(local.updatedAt) / 1000);
  const now = env.ctx.clock.now();
  recordConflict(
    env.ctx.db,
    {
      entity: kind,
      localId: local.id,
      label: local.displayName,
      winner: qboWins ? 'qbo' : 'local',
      localVersion: fieldsOf(local),
      qboVersion: incoming,
      localUpdatedAt: local.updatedAt,
      qboUpdatedAt: qboAt,
    },
    now,
  );
  if (qboWins) {
    skipWaiting(env.ctx.db, `${kind}.upsert`, local.id, 'A newer edit in QuickBooks won; this version is in the conflict inbox.', now);
    const updated = writeLocal(env, kind, local.id, incoming, 'qbo');
    linkObject(env, kind, local.id, object, updated.updatedAt);
  } else {
    // Ours is newer: remember QuickBooks' version (so our update is not stale) and send ours.
    linkObject(env, kind, local.id, object, linkByLocal(env.ctx.db, kind, local.id)?.localUpdatedAt ?? null);
    enqueueOutbox(env.ctx.db, env.ctx, { kind: `${kind}.upsert`, localId: local.id });
  }
  env.log({
    level: 'warning',
    entity: kind,
    localId: local.id,
    message: `"${local.displayName}" was changed in both ShelfSync and QuickBooks; the ${qboWins ? 'QuickBooks' : 'ShelfSync'} edit is newer and was kept. The other version is in the conflict inbox.`,
  });
  bump(env.counts, countKey[kind], 'updated');
}

/** A sub-customer is a service location of its top customer. */
function applySubCustomer(env: SyncEnv, object: QboObject): void {
  const db = env.ctx.db;
  const parentQboId = refValue(object.ParentRef);
  const parent = parentQboId ? (linkByQbo(db, 'customer', parentQboId)?.localId ?? locationCustomer(env, parentQboId)) : null;
  const name = stripDeletedSuffix(typeof object.DisplayName === 'string' ? object.DisplayName : `Location ${object.Id}`, object.Active !== false).slice(0, 100);
  if (!parent) {
    env.log({ level: 'warning', entity: 'serviceLocation', message: `Sub-customer "${name}" waits for its parent customer to arrive from QuickBooks.` });
    bump(env.counts, 'serviceLocations.pull', 'skipped');
    return;
  }
  const link = linkByQbo(db, 'serviceLocation', object.Id);
  // The same version again (change data capture overlaps): a local edit waiting to be sent must not be undone.
  if (link && link.syncToken === object.SyncToken && !env.resendAll) {
    bump(env.counts, 'serviceLocations.pull', 'skipped');
    return;
  }
  const address = parseQboAddress((object.ShipAddr ?? object.BillAddr) as QboAddress | undefined);
  const fields = { name, address, active: object.Active !== false && !isDeleted(object) };
  const existing =
    link?.localId ??
    (db.prepare('SELECT id FROM service_locations WHERE customer_id = ? AND name_key = ?').pluck().get(parent, name.toLowerCase()) as string | undefined);
  const effects = effectsOf(env.ctx);
  const location = existing
    ? updateServiceLocation(db, effects, { id: existing, ...fields }, fromQuickBooks)
    : createServiceLocation(db, effects, { customerId: parent, ...fields }, fromQuickBooks);
  linkObject(env, 'serviceLocation', location.id, object, location.updatedAt);
  bump(env.counts, 'serviceLocations.pull', existing ? 'updated' : 'created');
}

/** A sub-sub-customer belongs to the customer its parent location belongs to. */
function locationCustomer(env: SyncEnv, qboId: string): string | null {
  const link = linkByQbo(env.ctx.db, 'serviceLocation', qboId);
  if (!link) return null;
  return (env.ctx.db.prepare('SELECT customer_id FROM service_locations WHERE id = ?').pluck().get(link.localId) as string | undefined) ?? null;
}

const isSub = (o: QboObject) => o.Job === true || refValue(o.ParentRef) !== null;

export const customerPull: PullSpec = {
  entity: 'customers',
  qboEntity: 'Customer',
  directions: ['qboToLocal', 'twoWay'],
  fullReads: ['Active IN (true, false)'],
  order: (a, b) => Number(a.Level ?? 0) - Number(b.Level ?? 0),
  apply(env, objects) {
    for (const object of objects) {
      if (isSub(object)) applySubCustomer(env, object);
      else applyParty(env, 'customer', object);
    }
  },
};

export const vendorPull: PullSpec = {
  entity: 'vendors',
  qboEntity: 'Vendor',
  directions: ['qboToLocal'],
  fullReads: ['Active IN (true, false)'],
  apply(env, objects) {
    for (const object of objects) applyParty(env, 'vendor', object);
  },
};

/** What QuickBooks last sent for a linked record; read once from QuickBooks for one linked before versions were kept. */
async function lastQboVersion(env: SyncEnv, entity: Kind | 'serviceLocation', link: Link): Promise<{ before: QboObject; syncToken: string }> {
  const kept = qboVersion(env.ctx.db, entity, link.localId);
  if (kept) return { before: kept, syncToken: link.syncToken };
  const fresh = await env.qbo.read(entity === 'vendor' ? 'Vendor' : 'Customer', link.qboId);
  rememberQboVersion(env.ctx.db, entity, link.localId, fresh, env.ctx.clock.now());
  return { before: fresh, syncToken: fresh.SyncToken };
}

/** A service location's sparse update: name, active and its address (in the field and layout it came in). */
function locationChanges(location: { name: string; active: boolean; address: LocalAddress }, before: QboObject, everyField: boolean): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  if (everyField || location.name !== stripDeletedSuffix(typeof before.DisplayName === 'string' ? before.DisplayName : '', before.Active !== false)) changes.DisplayName = location.name;
  if (everyField || location.active !== (before.Active !== false)) changes.Active = location.active;
  // Pulled from ShipAddr, or BillAddr when the sub-customer has only that: written back where it came from.
  const field = before.ShipAddr || !before.BillAddr ? 'ShipAddr' : 'BillAddr';
  const original = before[field] as QboAddress | undefined;
  if (!sameAddress(location.address, parseQboAddress(original))) changes[field] = toQboAddressLike(location.address, original);
  return changes;
}

function partyPush(kind: Kind, entity: 'customers' | 'vendors', directions: PushSpec['directions']): PushSpec {
  return {
    kind: `${kind}.upsert`,
    entity,
    directions,
    wave: 1,
    async prepare(env, row) {
      const local = readLocal(env, kind, row.localId);
      const link = linkByLocal(env.ctx.db, kind, row.localId);
      if (!link) return { action: 'create', entity: qboEntity[kind], body: partyToQbo(fieldsOf(local), qboEntity[kind]), label: local.displayName };
      const { before, syncToken } = await lastQboVersion(env, kind, link);
      const changes = partyChanges(fieldsOf(local), before, qboEntity[kind], env.resendAll);
      if (Object.keys(changes).length === 0) return { action: 'skip', reason: 'Nothing changed since the version in QuickBooks.', label: local.displayName };
      return { action: 'update', entity: qboEntity[kind], body: { Id: link.qboId, SyncToken: syncToken, sparse: true, ...changes }, label: local.displayName };
    },
    findExisting(env, _row, prepared) {
      return findOne(env, qboEntity[kind], `DisplayName = ${qboString(String(prepared.body.DisplayName))}`);
    },
    applied(env, row, object) {
      linkObject(env, kind, row.localId, object, readLocal(env, kind, row.localId).updatedAt);
    },
    resendIds(env) {
      return env.ctx.db.prepare(`SELECT id FROM ${table[kind]} ORDER BY name_key`).pluck().all() as string[];
    },
  };
}

export const customerPush = partyPush('customer', 'customers', ['localToQbo', 'twoWay']);
export const vendorPush = partyPush('vendor', 'vendors', ['localToQbo']);

export const serviceLocationPush: PushSpec = {
  kind: 'serviceLocation.upsert',
  entity: 'customers',
  directions: ['localToQbo', 'twoWay'],
  wave: 2,
  async prepare(env, row) {
    const customerId = env.ctx.db.prepare('SELECT customer_id FROM service_locations WHERE id = ?').pluck().get(row.localId) as string;
    const customer: Customer = getCustomer(env.ctx.db, customerId);
    const location = customer.serviceLocations.find((l) => l.id === row.localId);
    const label = `${customer.displayName} — ${location?.name ?? row.localId}`;
    const parent = linkByLocal(env.ctx.db, 'customer', customerId);
    if (!location) return { action: 'skip', reason: 'The service location no longer exists.', label };
    if (!parent) return { action: 'wait', reason: 'The customer is not in QuickBooks yet; its location follows it.', label };
    const link = linkByLocal(env.ctx.db, 'serviceLocation', row.localId);
    if (!link) {
      const address = toQboAddress(location.address);
      const body: Record<string, unknown> = {
        DisplayName: location.name,
        Job: true,
        ParentRef: { value: parent.qboId },
        BillWithParent: true,
        Active: location.active,
        ...(address ? { ShipAddr: address } : {}),
      };
      return { action: 'create', entity: 'Customer', body, label };
    }
    const { before, syncToken } = await lastQboVersion(env, 'serviceLocation', link);
    const changes = locationChanges(location, before, env.resendAll);
    if (Object.keys(changes).length === 0) return { action: 'skip', reason: 'Nothing changed since the version in QuickBooks.', label };
    return { action: 'update', entity: 'Customer', body: { Id: link.qboId, SyncToken: syncToken, sparse: true, ...changes }, label };
  },
  findExisting(env, _row, prepared) {
    return findOne(env, 'Customer', `DisplayName = ${qboString(String(prepared.body.DisplayName))}`);
  },
  applied(env, row, object) {
    linkObject(env, 'serviceLocation', row.localId, object);
  },
  resendIds(env) {
    return env.ctx.db.prepare('SELECT id FROM service_locations ORDER BY customer_id, name_key').pluck().all() as string[];
  },
};
