/**
 * Customers, vendors and service locations. Display names are unique across customers and vendors
 * together (QuickBooks' rule); every local change queues the matching `*.upsert` for the sync engine.
 */
import {
  AppError,
  type Customer,
  type HandlerMap,
  type ParsedInput,
  type Party,
  type RequestInput,
  type ServiceLocation,
} from '../../src-shared/ipc';
import { enqueueOutbox, type Db, type OutboxKind, type ServiceContext } from '../db';
import { recordAudit } from './audit';
import { actorOf, fromQbo, nowIso, type Effects, type WriteOptions } from './effects';
import { notFound, parseRequest } from './parse';
import {
  addressColumns,
  findPartyRow,
  nameHolder,
  partyTable,
  serviceLocationsOf,
  toParty,
  toServiceLocation,
  type PartyKind,
} from './partiesRepo';
import { all, Filters, likeContains, one, run } from './sql';

const outboxKind: Record<PartyKind, OutboxKind> = { customer: 'customer.upsert', vendor: 'vendor.upsert' };

function recordChange(db: Db, effects: Effects, kind: PartyKind | 'serviceLocation', id: string, action: string, options?: WriteOptions) {
  recordAudit(db, effects, { by: actorOf(options), recordType: kind, recordId: id, action });
  if (fromQbo(options)) return;
  enqueueOutbox(db, effects, { kind: kind === 'serviceLocation' ? 'serviceLocation.upsert' : outboxKind[kind], localId: id });
}

function assertNameFree(db: Db, displayName: string, self: { kind: PartyKind; id: string } | null): void {
  const holder = nameHolder(db, displayName.toLowerCase());
  if (holder && !(self && holder.kind === self.kind && holder.id === self.id)) {
    throw new AppError(
      'conflict',
      `The name "${displayName}" is already used by the ${holder.kind} "${holder.name}" (${holder.kind} ${holder.id}); ` +
        'customers and vendors share one list of names in QuickBooks.',
      'displayName',
    );
  }
}

export function getParty(db: Db, kind: PartyKind, id: string, field = 'id'): Party {
  const row = findPartyRow(db, kind, id);
  if (!row) throw notFound(kind, id, field);
  return toParty(row);
}

export function getCustomer(db: Db, id: string, field = 'id'): Customer {
  return { ...getParty(db, 'customer', id, field), serviceLocations: serviceLocationsOf(db, id) };
}

type PartyFields = Omit<ParsedInput<'customers.update'>, 'id'>;

function partyColumns(data: PartyFields): [string, unknown][] {
  const columns: [string, unknown][] = [
    ['display_name', data.displayName],
    ['name_key', data.displayName?.toLowerCase()],
    ['company_name', data.companyName],
    ['given_name', data.givenName],
    ['family_name', data.familyName],
    ['email', data.email],
    ['phone', data.phone],
    ...addressColumns('bill', data.billingAddress),
    ...addressColumns('ship', data.shippingAddress),
    ['active', data.active === undefined ? undefined : data.active ? 1 : 0],
  ];
  return columns.filter(([, value]) => value !== undefined);
}

function insertParty(db: Db, effects: Effects, kind: PartyKind, data: ParsedInput<'customers.create'>, options?: WriteOptions): string {
  assertNameFree(db, data.displayName, null);
  const id = effects.ids.uuid();
  const now = nowIso(effects);
  const columns = [['id', id], ...partyColumns(data), ['created_at', now], ['updated_at', now]] as [string, unknown][];
  run(
    db,
    `INSERT INTO ${partyTable[kind]} (${columns.map(([c]) => c).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ...columns.map(([, v]) => v),
  );
  recordChange(db, effects, kind, id, 'created', options);
  return id;
}

function changeParty(db: Db, effects: Effects, kind: PartyKind, data: ParsedInput<'customers.update'>, options?: WriteOptions): void {
  getParty(db, kind, data.id);
  if (data.displayName !== undefined) assertNameFree(db, data.displayName, { kind, id: data.id });
  const columns = partyColumns(data);
  const sets = [...columns.map(([c]) => `${c} = ?`), 'updated_at = ?'].join(', ');
  run(db, `UPDATE ${partyTable[kind]} SET ${sets} WHERE id = ?`, ...columns.map(([, v]) => v), nowIso(effects), data.id);
  recordChange(db, effects, kind, data.id, data.active === false && columns.length === 1 ? 'deactivated' : 'updated', options);
}

export function createCustomer(db: Db, effects: Effects, input: RequestInput<'customers.create'>, options?: WriteOptions): Customer {
  const data = parseRequest('customers.create', input);
  return db.transaction(() => getCustomer(db, insertParty(db, effects, 'customer', data, options)))();
}

export function updateCustomer(db: Db, effects: Effects, input: RequestInput<'customers.update'>, options?: WriteOptions): Customer {
  const data = parseRequest('customers.update', input);
  return db.transaction(() => {
    changeParty(db, effects, 'customer', data, options);
    return getCustomer(db, data.id);
  })();
}

export function createVendor(db: Db, effects: Effects, input: RequestInput<'vendors.create'>, options?: WriteOptions): Party {
  const data = parseRequest('vendors.create', input);
  return db.transaction(() => getParty(db, 'vendor', insertParty(db, effects, 'vendor', data, options)))();
}

export function updateVendor(db: Db, effects: Effects, input: RequestInput<'vendors.update'>, options?: WriteOptions): Party {
  const data = parseRequest('vendors.update', input);
  return db.transaction(() => {
    changeParty(db, effects, 'vendor', data, options);
    return getParty(db, 'vendor', data.id);
  })();
}

export function listParties(db: Db, kind: PartyKind, query: ParsedInput<'customers.list'>): { rows: Party[]; total: number } {
  const pattern = query.search ? likeContains(query.search) : undefined;
  const { clause, params } = new Filters()
    .when(query.active, 'active = ?', query.active ? 1 : 0)
    .when(
      pattern,
      `(name_key LIKE ? ESCAPE '\\' OR lower(company_name) LIKE ? ESCAPE '\\' OR lower(email) LIKE ? ESCAPE '\\' OR phone LIKE ? ESCAPE '\\')`,
      pattern,
      pattern,
      pattern,
      pattern,
    );
  const table = partyTable[kind];
  const total = one<{ n: number }>(db, `SELECT COUNT(*) AS n FROM ${table} ${clause}`, ...params)?.n ?? 0;
  const order = { displayName: 'name_key', companyName: 'lower(company_name)', email: 'lower(email)', phone: 'phone', updatedAt: 'updated_at' }[query.sort];
  const direction = query.direction === 'desc' ? 'DESC' : 'ASC';
  const rows = all<Record<string, string | number | null>>(
    db,
    `SELECT * FROM ${table} ${clause} ORDER BY ${order} ${direction}, id LIMIT ? OFFSET ?`,
    ...params,
    query.limit,
    query.offset,
  );
  return { total, rows: rows.map(toParty) };
}

function requireLocation(db: Db, id: string) {
  const row = one<Record<string, string | number | null>>(db, 'SELECT * FROM service_locations WHERE id = ?', id);
  if (!row) throw notFound('service location', id);
  return toServiceLocation(row);
}

function assertLocationNameFree(db: Db, customerId: string, name: string, exceptId: string | null): void {
  const clash = one<{ id: string; name: string }>(
    db,
    'SELECT id, name FROM service_locations WHERE customer_id = ? AND name_key = ?',
    customerId,
    name.toLowerCase(),
  );
  if (clash && clash.id !== exceptId) {
    throw new AppError('conflict', `This customer already has a service location named "${clash.name}".`, 'name');
  }
}

export function createServiceLocation(
  db: Db,
  effects: Effects,
  input: RequestInput<'serviceLocations.create'>,
  options?: WriteOptions,
): ServiceLocation {
  const data = parseRequest('serviceLocations.create', input);
  return db.transaction(() => {
    getParty(db, 'customer', data.customerId, 'customerId');
    assertLocationNameFree(db, data.customerId, data.name, null);
    const id = effects.ids.uuid();
    const now = nowIso(effects);
    const columns: [string, unknown][] = [
      ['id', id],
      ['customer_id', data.customerId],
      ['name', data.name],
      ['name_key', data.name.toLowerCase()],
      ...addressColumns('addr', data.address ?? null),
      ['active', data.active === false ? 0 : 1],
      ['created_at', now],
      ['updated_at', now],
    ];
    run(
      db,
      `INSERT INTO service_locations (${columns.map(([c]) => c).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      ...columns.map(([, v]) => v),
    );
    recordChange(db, effects, 'serviceLocation', id, 'created', options);
    return requireLocation(db, id);
  })();
}

export function updateServiceLocation(
  db: Db,
  effects: Effects,
  input: RequestInput<'serviceLocations.update'>,
  options?: WriteOptions,
): ServiceLocation {
  const data = parseRequest('serviceLocations.update', input);
  return db.transaction(() => {
    const current = requireLocation(db, data.id);
    if (data.name !== undefined) assertLocationNameFree(db, current.customerId, data.name, current.id);
    const columns: [string, unknown][] = [
      ['name', data.name],
      ['name_key', data.name?.toLowerCase()],
      ...addressColumns('addr', data.address),
      ['active', data.active === undefined ? undefined : data.active ? 1 : 0],
    ].filter(([, v]) => v !== undefined) as [string, unknown][];
    const sets = [...columns.map(([c]) => `${c} = ?`), 'updated_at = ?'].join(', ');
    run(db, `UPDATE service_locations SET ${sets} WHERE id = ?`, ...columns.map(([, v]) => v), nowIso(effects), current.id);
    recordChange(db, effects, 'serviceLocation', current.id, 'updated', options);
    return requireLocation(db, current.id);
  })();
}

type PartyRequest =
  | `customers.${'list' | 'get' | 'create' | 'update' | 'deactivate'}`
  | `vendors.${'list' | 'get' | 'create' | 'update' | 'deactivate'}`
  | 'serviceLocations.create'
  | 'serviceLocations.update';

export function partyHandlers(): HandlerMap<PartyRequest, ServiceContext> {
  return {
    'customers.list': (input, ctx) => listParties(ctx.db, 'customer', input),
    'customers.get': (input, ctx) => getCustomer(ctx.db, input.id),
    'customers.create': (input, ctx) => createCustomer(ctx.db, ctx, input),
    'customers.update': (input, ctx) => updateCustomer(ctx.db, ctx, input),
    'customers.deactivate': (input, ctx) => updateCustomer(ctx.db, ctx, { id: input.id, active: false }),
    'vendors.list': (input, ctx) => listParties(ctx.db, 'vendor', input),
    'vendors.get': (input, ctx) => getParty(ctx.db, 'vendor', input.id),
    'vendors.create': (input, ctx) => createVendor(ctx.db, ctx, input),
    'vendors.update': (input, ctx) => updateVendor(ctx.db, ctx, input),
    'vendors.deactivate': (input, ctx) => updateVendor(ctx.db, ctx, { id: input.id, active: false }),
    'serviceLocations.create': (input, ctx) => createServiceLocation(ctx.db, ctx, input),
    'serviceLocations.update': (input, ctx) => updateServiceLocation(ctx.db, ctx, input),
  };
}
