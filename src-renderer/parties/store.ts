/** Customers and vendors: one list at a time (with an active/inactive toggle) and the open record. */
import { create } from 'zustand';
import type { AppErrorData, Customer, Party, RequestInput, Result, ServiceLocation } from '../../src-shared/ipc';
import { api } from '../api/client';
import { newestOnly, stateOf } from '../api/pagedList';
import { refreshAfterSync } from '../api/syncChanges';
import { sortingOf, type Sorting } from '../ui/listSort';

export const partySortDefault: Sorting<NonNullable<RequestInput<'customers.list'>['sort']>> = { sort: 'displayName', direction: 'asc' };

export type PartyKind = 'customers' | 'vendors';
export type PartyInput = RequestInput<'customers.create'>;

interface PartiesState {
  kind: PartyKind;
  active: 'active' | 'inactive' | 'all';
  search: string;
  rows: Party[];
  total: number;
  /** The open record; a customer carries its service locations. */
  open: (Party & { serviceLocations?: ServiceLocation[] }) | null;
  error: AppErrorData | null;
  notice: string | null;
  dialog: { form: 'party'; editing: boolean } | { form: 'location'; location: ServiceLocation | null } | null;
  setFilter: (patch: Partial<Pick<PartiesState, 'kind' | 'active' | 'search'>>) => Promise<void>;
  load: () => Promise<void>;
  select: (id: string) => Promise<void>;
  save: (input: PartyInput, id: string | null) => Promise<Result<Party>>;
  setActive: (active: boolean) => Promise<void>;
  saveLocation: (input: { name: string; address: RequestInput<'serviceLocations.create'>['address']; active: boolean }, id: string | null) => Promise<Result<ServiceLocation>>;
  setDialog: (dialog: PartiesState['dialog']) => void;
}

const newest = newestOnly();

export const useParties = create<PartiesState>((set, get) => {
  const getOne = async (id: string): Promise<Result<Party | Customer>> =>
    get().kind === 'customers' ? api.call('customers.get', { id }) : api.call('vendors.get', { id });

  return {
    kind: 'customers',
    active: 'active',
    search: '',
    rows: [],
    total: 0,
    open: null,
    error: null,
    notice: null,
    dialog: null,
    async setFilter(patch) {
      const kindChanged = patch.kind !== undefined && patch.kind !== get().kind;
      set({ ...patch, ...(kindChanged ? { open: null, notice: null } : {}) });
      await get().load();
    },
    async load() {
      refreshAfterSync('parties', ['customers', 'vendors', 'serviceLocations'], () => void get().load());
      const { kind, active, search } = get();
      const query = { search: search.trim() || undefined, active: active === 'all' ? undefined : active === 'active', ...sortingOf(kind, partySortDefault), limit: 200 };
      const result = await newest(() => (kind === 'customers' ? api.call('customers.list', query) : api.call('vendors.list', query)));
      if (result) set(stateOf(result, (page) => ({ rows: page.rows, total: page.total, error: null })));
    },
    async select(id) {
      set(stateOf(await getOne(id), (open) => ({ open, notice: null, error: null })));
    },
    async save(input, id) {
      const customers = get().kind === 'customers';
      const result: Result<Party> = id
        ? await (customers ? api.call('customers.update', { id, ...input }) : api.call('vendors.update', { id, ...input }))
        : await (customers ? api.call('customers.create', input) : api.call('vendors.create', input));
      if (result.ok) {
        set({ dialog: null, notice: `${result.value.displayName} saved.` });
        await get().select(result.value.id);
        set({ notice: `${result.value.displayName} saved.` });
        await get().load();
      }
      return result;
    },
    async setActive(active) {
      const open = get().open;
      if (!open) return;
      const input = { id: open.id, active };
      const result = get().kind === 'customers' ? await api.call('customers.update', input) : await api.call('vendors.update', input);
      if (!result.ok) return set({ error: result.error });
      await get().select(open.id);
      set({ notice: `${open.displayName} is now ${active ? 'active' : 'inactive'}.` });
      await get().load();
    },
    async saveLocation(input, id) {
      const open = get().open;
      if (!open) return { ok: false, error: { code: 'refused', message: 'Open a customer first.' } };
      const result = id
        ? await api.call('serviceLocations.update', { id, ...input })
        : await api.call('serviceLocations.create', { customerId: open.id, ...input });
      if (result.ok) {
        set({ dialog: null });
        await get().select(open.id);
        set({ notice: `Service location "${result.value.name}" saved.` });
      }
      return result;
    },
    setDialog: (dialog) => set({ dialog }),
  };
});
