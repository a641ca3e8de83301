/**
 * Low stock list state: the filter and sort, the lines, and what the clerk chose to order (ticked,
 * quantity, vendor for a line without a preferred one).
 */
import { create } from 'zustand';
import type { AppErrorData, LowStockLine, PurchaseOrder } from '../../src-shared/ipc';
import { lowStockSorts } from '../../src-shared/ipc';
import { api } from '../api/client';
import { newestOnly } from '../api/pagedList';
import { localError } from '../ui/errors';
import { qtyText } from '../ui/format';
import type { Option } from '../ui/Lookup';

export type LowStockSort = (typeof lowStockSorts)[number];

export interface Choice {
  ticked: boolean;
  qty: string;
  vendor: Option | null;
}

export const lineKey = (line: Pick<LowStockLine, 'itemId' | 'siteId'>) => `${line.itemId}|${line.siteId}`;

interface LowStockState {
  siteId: string;
  search: string;
  sort: LowStockSort;
  direction: 'asc' | 'desc';
  rows: LowStockLine[];
  total: number;
  choices: Record<string, Choice>;
  loading: boolean;
  busy: boolean;
  notice: string | null;
  error: AppErrorData | null;
  load: () => Promise<void>;
  setFilter: (patch: Partial<Pick<LowStockState, 'siteId' | 'search'>>) => Promise<void>;
  sortBy: (sort: LowStockSort) => Promise<void>;
  choose: (key: string, patch: Partial<Choice>) => void;
  createPurchaseOrders: () => Promise<PurchaseOrder[] | null>;
}

/** A line is ticked when something is suggested; the quantity starts at the suggestion. */
function defaultChoice(line: LowStockLine): Choice {
  return { ticked: Number(line.suggested) > 0, qty: line.suggested, vendor: null };
}

const newest = newestOnly();

export const useLowStock = create<LowStockState>((set, get) => ({
  siteId: '',
  search: '',
  sort: 'vendor',
  direction: 'asc',
  rows: [],
  total: 0,
  choices: {},
  loading: false,
  busy: false,
  notice: null,
  error: null,
  async load() {
    const { siteId, search, sort, direction } = get();
    set({ loading: true });
    const result = await newest(() => api.call('lowStock.list', { siteId: siteId || undefined, search: search.trim() || undefined, sort, direction, limit: 500 }));
    if (!result) return;
    if (!result.ok) {
      set({ loading: false, error: result.error });
      return;
    }
    const previous = get().choices;
    const choices = Object.fromEntries(result.value.rows.map((l) => [lineKey(l), previous[lineKey(l)] ?? defaultChoice(l)]));
    set({ rows: result.value.rows, total: result.value.total, choices, loading: false, error: null });
  },
  async setFilter(patch) {
    set(patch);
    await get().load();
  },
  async sortBy(sort) {
    const direction = get().sort === sort && get().direction === 'asc' ? 'desc' : 'asc';
    set({ sort, direction });
    await get().load();
  },
  choose(key, patch) {
    const current = get().choices[key];
    if (!current) return;
    set({ choices: { ...get().choices, [key]: { ...current, ...patch } }, notice: null });
  },
  async createPurchaseOrders() {
    const { rows, choices } = get();
    const chosen = rows.filter((l) => choices[lineKey(l)]?.ticked);
    if (chosen.length === 0) {
      set({ error: localError('Tick at least one line to order.') });
      return null;
    }
    const lines = chosen.map((l) => {
      const c = choices[lineKey(l)] as Choice;
      return { itemId: l.itemId, siteId: l.siteId, qty: qtyText(c.qty), ...(l.vendorId === null && c.vendor ? { vendorId: c.vendor.id } : {}) };
    });
    set({ busy: true, error: null, notice: null });
    const result = await api.call('lowStock.createPurchaseOrders', { lines });
    if (!result.ok) {
      // The host names the line by its place in what was sent; say which item that was.
      const index = /^lines\.(\d+)/.exec(result.error.field ?? '')?.[1];
      const line = index === undefined ? undefined : chosen[Number(index)];
      set({ busy: false, error: line ? { ...result.error, message: `${line.itemName} (${line.siteName}): ${result.error.message.replace(/^lines\.\d+(\.\w+)?: /, '')}` } : result.error });
      return null;
    }
    const made = result.value.purchaseOrders;
    const words = made.map((p) => `PO ${p.number} (${p.vendorName})`).join(', ');
    // The lines start again from the new suggestions: what was just ordered is now on order.
    set({ busy: false, choices: {}, notice: `Made ${made.length} draft purchase order${made.length === 1 ? '' : 's'}: ${words}.` });
    await get().load();
    return made;
  },
}));
