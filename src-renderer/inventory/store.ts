/**
 * Inventory list state: the filter, and the pages of items fetched so far. The list asks for the
 * pages it shows as the user scrolls; a new filter keeps the old rows on screen until its first page
 * arrives, and answers to an older filter are dropped.
 */
import { create } from 'zustand';
import type { AppErrorData, Item, ItemListQuery, ItemType, LevelChange } from '../../src-shared/ipc';
import { api } from '../api/client';
import { refreshAfterSync } from '../api/syncChanges';
import { sortingOf, type Sorting } from '../ui/listSort';

export const pageSize = 100;

export interface InventoryFilter {
  search: string;
  siteId: string;
  type: ItemType | '';
  active: 'active' | 'inactive' | 'all';
}

interface InventoryState {
  filter: InventoryFilter;
  /** Bumped on every filter change; pages belong to one generation. */
  generation: number;
  total: number;
  pages: Record<number, Item[]>;
  /** The rows on screen belong to the current filter (false while a new filter is being fetched). */
  current: boolean;
  error: AppErrorData | null;
  setFilter: (patch: Partial<InventoryFilter>) => void;
  /** Fetches the pages that hold rows first..last, if not fetched or being fetched. */
  ensureRows: (first: number, last: number) => void;
  refresh: () => void;
  applyLevels: (levels: LevelChange[]) => void;
}

const inFlight = new Set<string>();
/** A first page is on its way; keystrokes meanwhile only change the filter, and one fetch follows. */
let fetchingFirst = false;

export const itemSortDefault: Sorting<ItemListQuery['sort']> = { sort: 'name', direction: 'asc' };

/** The list's filters as the contract has them (the Export button sends the same). */
export function listFilterOf(filter: InventoryFilter) {
  return {
    search: filter.search.trim() || undefined,
    siteId: filter.siteId || undefined,
    type: filter.type || undefined,
    active: filter.active === 'all' ? undefined : filter.active === 'active',
  };
}

function queryOf(filter: InventoryFilter, page: number) {
  return { ...listFilterOf(filter), ...sortingOf('items', itemSortDefault), limit: pageSize, offset: page * pageSize };
}

export const useInventory = create<InventoryState>((set, get) => {
  async function fetchPage(generation: number, page: number): Promise<void> {
    const key = `${generation}:${page}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    const result = await api.call('items.list', queryOf(get().filter, page));
    inFlight.delete(key);
    if (generation !== get().generation) return;
    if (!result.ok) {
      set({ error: result.error });
      return;
    }
    const first = page === 0 && !get().current;
    set((s) => ({
      pages: first ? { 0: result.value.rows } : { ...s.pages, [page]: result.value.rows },
      total: result.value.total,
      current: true,
      error: null,
    }));
  }

  /** The first page of the newest filter, at most one request at a time however fast the user types. */
  async function fetchFirst(): Promise<void> {
    if (fetchingFirst) return;
    fetchingFirst = true;
    const generation = get().generation;
    await fetchPage(generation, 0);
    fetchingFirst = false;
    if (get().generation !== generation && !get().current) await fetchFirst();
  }

  return {
    filter: { search: '', siteId: '', type: '', active: 'active' },
    generation: 0,
    total: 0,
    pages: {},
    current: false,
    error: null,
    setFilter(patch) {
      refreshAfterSync('inventory', ['items'], () => get().refresh());
      const generation = get().generation + 1;
      set((s) => ({ filter: { ...s.filter, ...patch }, generation, current: false }));
      void fetchFirst();
    },
    ensureRows(first, last) {
      const { generation, pages, current } = get();
      if (!current) return;
      for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page++) {
        if (!pages[page]) void fetchPage(generation, page);
      }
    },
    refresh() {
      const generation = get().generation + 1;
      const loaded = Object.keys(get().pages).map(Number);
      set({ generation, current: false });
      void fetchFirst().then(() => {
        for (const page of loaded) if (page !== 0) void fetchPage(get().generation, page);
      });
    },
    applyLevels(levels) {
      const { filter, pages } = get();
      if (!filter.siteId) {
        // Across sites the list shows a sum the event does not carry: fetch the pages again.
        if (Object.values(pages).some((rows) => rows.some((r) => levels.some((l) => l.itemId === r.id)))) get().refresh();
        return;
      }
      const next: Record<number, Item[]> = {};
      for (const [page, rows] of Object.entries(pages)) {
        next[Number(page)] = rows.map((row) => {
          const level = levels.find((l) => l.itemId === row.id && l.siteId === filter.siteId);
          return level ? { ...row, onHand: level.onHand } : row;
        });
      }
      set({ pages: next });
    },
  };
});

export function rowAt(pages: Record<number, Item[]>, index: number): Item | undefined {
  return pages[Math.floor(index / pageSize)]?.[index % pageSize];
}
