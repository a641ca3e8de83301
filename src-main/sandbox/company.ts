// Create, read, update and delete with SyncToken checks, MetaData times and entity rules; the
// one place where objects change, so every change bumps versions the same way.

import { formatDateTime, type Clock } from './clock.js';
import { fault } from './errors.js';
import { getArr, getBool, getObj, getStr, objects, type JsonObject } from './json.js';
import type { CompanyStore, EntityName } from './store.js';
import type { RuleContext } from './entities/common.js';
import { rulesFor } from './entities/registry.js';
import { movesBalances, refreshBalances } from './balances.js';
import { bindEntity } from './schema/index.js';

export interface WriteOptions {
  /** `include=allowduplicatedocnum` on the request. */
  allowDuplicateDocNumber?: boolean;
}

const SERVER_FIELDS = ['Id', 'SyncToken', 'MetaData', 'domain', 'sparse', 'time', 'status'];
const SINGLETONS: ReadonlySet<EntityName> = new Set(['CompanyInfo', 'Preferences']);

function clientFields(body: JsonObject): JsonObject {
  const out: JsonObject = structuredClone(body);
  for (const f of SERVER_FIELDS) delete out[f];
  return out;
}

function bump(obj: JsonObject, nowMs: number): void {
  obj.SyncToken = String((Number(getStr(obj, 'SyncToken') ?? '0') || 0) + 1);
  const meta = getObj(obj, 'MetaData') ?? {};
  obj.MetaData = { ...meta, LastUpdatedTime: formatDateTime(nowMs) };
}

/** Sales forms QuickBooks numbers itself when the company does not type its own numbers. */
const AUTO_NUMBERED: ReadonlySet<EntityName> = new Set<EntityName>(['Invoice', 'Estimate', 'SalesReceipt']);

export class Company {
  /**
   * While true (building a seed, or between the items of a batch), derived balances wait: a write that
   * moves one only marks them stale, and `settleBalances` works them out once.
   */
  deferBalances = false;
  private balancesStale = false;

  /** Brings derived balances up to date if a deferred write moved them. */
  settleBalances(): void {
    if (!this.balancesStale) return;
    this.balancesStale = false;
    refreshBalances(this.store);
  }

  constructor(
    public store: CompanyStore,
    private readonly clock: Clock,
    private readonly onChange: () => void,
  ) {}

  read(entity: EntityName, id: string): JsonObject {
    const found = this.store.get(entity, SINGLETONS.has(entity) ? '1' : id);
    if (!found) throw fault.notFound(entity, id);
    return found;
  }

  create(entity: EntityName, body: JsonObject, opts: WriteOptions = {}): JsonObject {
    const rules = rulesFor(entity);
    if (rules.kind === 'settings') throw fault.business(`${entity} cannot be created.`);
    const bound = bindEntity(entity, body, { complete: true });
    return this.run(entity, undefined, opts, (ctx) => {
      const draft = clientFields(bound);
      this.numberIfAutomatic(entity, draft);
      rules.prepare(ctx, draft, undefined);
      const stamp = formatDateTime(ctx.nowMs);
      const saved: JsonObject = {
        ...draft, domain: 'QBO', sparse: false, Id: this.store.allocateId(entity), SyncToken: '0',
        MetaData: { CreateTime: stamp, LastUpdatedTime: stamp },
      };
      this.store.put(entity, saved);
      rules.apply?.(ctx, saved);
      return saved;
    });
  }

  update(entity: EntityName, body: JsonObject, opts: WriteOptions = {}): JsonObject {
    const sparse = getBool(body, 'sparse') === true;
    const bound = bindEntity(entity, body, { complete: !sparse });
    const previous = this.current(entity, bound);
    const merged = sparse ? { ...clientFields(previous), ...clientFields(bound) } : clientFields(bound);
    return this.replace(entity, previous, merged, opts);
  }

  delete(entity: EntityName, body: JsonObject): JsonObject {
    const rules = rulesFor(entity);
    if (rules.kind !== 'transaction') {
      throw fault.business(`A ${entity} cannot be deleted. Make it inactive instead (Active = false).`);
    }
    const previous = this.current(entity, body);
    return this.removeTransaction(entity, previous);
  }

  /** A QuickBooks user editing the current version: no SyncToken needed, versions still move. */
  adminEdit(entity: EntityName, id: string, patch: JsonObject): JsonObject {
    const previous = this.read(entity, id);
    const bound = bindEntity(entity, patch, { complete: false });
    return this.replace(entity, previous, { ...clientFields(previous), ...clientFields(bound) }, { allowDuplicateDocNumber: true });
  }

  /** The UI's delete: transactions go away; names become inactive with " (deleted)" appended. */
  adminDelete(entity: EntityName, id: string): JsonObject {
    const previous = this.read(entity, id);
    const rules = rulesFor(entity);
    if (rules.kind === 'transaction') return this.removeTransaction(entity, previous);
    if (rules.kind === 'settings') throw fault.business(`${entity} cannot be deleted.`);
    const field = entity === 'Customer' || entity === 'Vendor' || entity === 'Employee' ? 'DisplayName' : 'Name';
    const base = getStr(previous, field) ?? '';
    let name = `${base} (deleted)`;
    for (let n = 1; this.nameTaken(entity, name, id); n++) name = `${base} (deleted ${n})`;
    const patch: JsonObject = { Active: false, [field]: name };
    if (field === 'DisplayName') patch.PrintOnCheckName = name;
    return this.replace(entity, previous, { ...clientFields(previous), ...patch }, { allowDuplicateDocNumber: true });
  }

  private nameTaken(entity: EntityName, name: string, selfId: string): boolean {
    if (entity === 'Customer' || entity === 'Vendor' || entity === 'Employee') {
      const owner = this.store.personNamed(name);
      return owner !== undefined && !(owner.entity === entity && owner.id === selfId);
    }
    const owner = this.store.listItemNamed(entity, name);
    return owner !== undefined && owner !== selfId;
  }

  private current(entity: EntityName, body: JsonObject): JsonObject {
    const id = SINGLETONS.has(entity) ? getStr(body, 'Id') ?? '1' : getStr(body, 'Id');
    if (id === undefined || id === '') throw fault.required('Id');
    const token = getStr(body, 'SyncToken');
    if (token === undefined) throw fault.required('SyncToken');
    const previous = this.store.get(entity, SINGLETONS.has(entity) ? '1' : id);
    if (!previous) throw fault.notFound(entity, id);
    if (token !== getStr(previous, 'SyncToken')) throw fault.stale();
    return previous;
  }

  private replace(entity: EntityName, previous: JsonObject, draft: JsonObject, opts: WriteOptions): JsonObject {
    const rules = rulesFor(entity);
    return this.run(entity, previous, opts, (ctx) => {
      rules.prepare(ctx, draft, previous);
      rules.unapply?.(ctx, previous);
      const saved: JsonObject = {
        ...draft, domain: 'QBO', sparse: false, Id: getStr(previous, 'Id') ?? '', SyncToken: getStr(previous, 'SyncToken') ?? '0',
        MetaData: structuredClone(getObj(previous, 'MetaData') ?? {}),
      };
      bump(saved, ctx.nowMs);
      this.store.put(entity, saved);
      rules.apply?.(ctx, saved);
      return saved;
    });
  }

  private removeTransaction(entity: EntityName, previous: JsonObject): JsonObject {
    const rules = rulesFor(entity);
    return this.run(entity, previous, {}, (ctx) => {
      rules.checkDelete?.(ctx, previous);
      rules.unapply?.(ctx, previous);
      const id = getStr(previous, 'Id') ?? '';
      this.store.remove(entity, id, ctx.nowMs);
      return { domain: 'QBO', status: 'Deleted', Id: id };
    });
  }

  /**
   * Runs one write of `entity` (replacing or removing `previous`, if any) with a fresh rule context,
   * bumps every object changed as a side effect, then brings derived open balances up to date.
   */
  private run<T>(entity: EntityName, previous: JsonObject | undefined, opts: WriteOptions, fn: (ctx: RuleContext) => T): T {
    const nowMs = this.clock.now();
    const touched = new Map<string, { entity: EntityName; obj: JsonObject }>();
    const store = this.store;
    const ctx: RuleContext = {
      store,
      nowMs,
      allowDuplicateDocNumber: opts.allowDuplicateDocNumber === true || this.companyAllowsDuplicateDocNumbers(),
      modify(entity, id, change) {
        const obj = store.get(entity, id);
        if (!obj) return;
        change(obj);
        touched.set(`${entity}/${id}`, { entity, obj });
      },
    };
    const result = fn(ctx);
    for (const { entity, obj } of touched.values()) {
      bump(obj, nowMs);
      store.put(entity, obj);
    }
    if (movesBalances(entity, [previous, result as JsonObject])) {
      if (this.deferBalances) this.balancesStale = true;
      else refreshBalances(store);
    }
    this.onChange();
    return structuredClone(result);
  }

  /**
   * Intuit (Invoice.DocNumber): with Preferences SalesFormsPrefs.CustomTxnNumbers false, a sales form
   * created without a DocNumber gets one "by incrementing the last number by 1"; with it true, none.
   */
  private numberIfAutomatic(entity: EntityName, draft: JsonObject): void {
    if (!AUTO_NUMBERED.has(entity) || getStr(draft, 'DocNumber') !== undefined) return;
    const prefs = this.store.get('Preferences', '1');
    const sales = prefs ? getObj(prefs, 'SalesFormsPrefs') : undefined;
    if (!sales || getBool(sales, 'CustomTxnNumbers') !== false) return;
    let last = 0;
    for (const obj of this.store.all(entity)) {
      const n = Number(getStr(obj, 'DocNumber'));
      if (Number.isSafeInteger(n) && n > last) last = n;
    }
    draft.DocNumber = String(last + 1);
  }

  /** Practice company setting (documented in docs/sandbox.md): Preferences.OtherPrefs AllowDuplicateDocNum = "true". */
  private companyAllowsDuplicateDocNumbers(): boolean {
    const prefs = this.store.get('Preferences', '1');
    const other = prefs ? getObj(prefs, 'OtherPrefs') : undefined;
    for (const nv of objects(other ? getArr(other, 'NameValue') : undefined)) {
      if (getStr(nv, 'Name') === 'AllowDuplicateDocNum' && getStr(nv, 'Value') === 'true') return true;
    }
    return false;
  }
}
