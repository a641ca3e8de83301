/**
 * Inventory list state: the filter, and the pages of items fetched so far. The list asks for the
 * pages it shows as the user scrolls; a new filter keeps the old rows on screen until its first page
 * arrives, and answers to an older filter are dropped.
 */
import { create } from 'zustand';
import type { AppErrorData, Item, LevelChange } from '../../src-shared/ipc';
import { api } from '../api/client';
import { refreshAfterSync } from '../api/syncChanges';
import { sortingOf } from '../ui/listSort';
import { initialFilter, itemSortDefault, pageSize, queryOf as pageQuery, type InventoryFilter } from './query';

export { pageSize, itemSortDefault, listFilterOf, type InventoryFilter } from './query';

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
  /**
   * At boot, before the first render: asks for the first page (the page's first script already asked
   * the host, `shell/boot.ts`, so this takes that answer), so the screen's first render shows its rows.
   */
  prime: () => Promise<void>;
  /** The screen opened: the first time its first page is asked for (unless primed), later the list is read again. */
  opened: () => void;
  /** Fetches the pages that hold rows first..last, if not fetched or being fetched. */
  ensureRows: (first: number, last: number) => void;
  refresh: () => void;
  applyLevels: (levels: LevelChange[]) => void;
}

const inFlight = new Set<string>();
/** The first page was asked for at boot: the screen's first opening asks for nothing more. */
let primed = false;
/** A first page is on its way; keystrokes meanwhile only change the filter, and one fetch follows. */
let fetchingFirst = false;

function queryOf(filter: InventoryFilter, page: number) {
  return pageQuery(filter, page, sortingOf('items', itemSortDefault));
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

  function newFilter(patch: Partial<InventoryFilter>): Promise<void> {
    refreshAfterSync('inventory', ['items'], () => get().refresh());
    const generation = get().generation + 1;
    set((s) => ({ filter: { ...s.filter, ...patch }, generation, current: false }));
    return fetchFirst();
  }

  return {
    filter: initialFilter,
    generation: 0,
    total: 0,
    pages: {},
    current: false,
    error: null,
    setFilter(patch) {
      void newFilter(patch);
    },
    prime() {
      primed = true;
      return newFilter({});
    },
    opened() {
      if (primed) primed = false;
      else if (get().generation === 0) get().setFilter({});
      else get().refresh();
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
