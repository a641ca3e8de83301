/**
 * The valuation screen's state: one `valuation.get` answer (totals beside QuickBooks), read again on
 * Refresh, and the lines table from `valuation.lines` in the sort its headings chose, a page at a time.
 */
import { create } from 'zustand';
import type { AppErrorData, RequestInput, Valuation, ValuationLine } from '../../src-shared/ipc';
import { api } from '../api/client';
import { newestOnly } from '../api/pagedList';
import { sortingOf, type Sorting } from '../ui/listSort';

export const valuationSortDefault: Sorting<NonNullable<RequestInput<'valuation.lines'>['sort']>> = { sort: 'value', direction: 'desc' };
const linePage = 50;

interface ValuationState {
  valuation: Valuation | null;
  loading: boolean;
  error: AppErrorData | null;
  lines: ValuationLine[];
  lineTotal: number;
  load: () => Promise<void>;
  loadLines: (more?: boolean) => Promise<void>;
}

const newest = newestOnly();
const newestLines = newestOnly();

export const useValuation = create<ValuationState>((set, get) => ({
  valuation: null,
  loading: false,
  error: null,
  lines: [],
  lineTotal: 0,
  async load() {
    set({ loading: true });
    void get().loadLines();
    const result = await newest(() => api.call('valuation.get', { lines: 0 }));
    if (!result) return;
    if (!result.ok) set({ loading: false, error: result.error });
    else set({ loading: false, error: null, valuation: result.value });
  },
  async loadLines(more = false) {
    const offset = more ? get().lines.length : 0;
    const result = await newestLines(() => api.call('valuation.lines', { ...sortingOf('valuation', valuationSortDefault), limit: linePage, offset }));
    if (!result) return;
    if (!result.ok) set({ error: result.error });
    else set((s) => ({ lines: more ? [...s.lines, ...result.value.rows] : result.value.rows, lineTotal: result.value.total }));
  },
}));
