/** The valuation screen's state: one `valuation.get` answer, read again on Refresh. */
import { create } from 'zustand';
import type { AppErrorData, Valuation } from '../../src-shared/ipc';
import { api } from '../api/client';
import { newestOnly } from '../api/pagedList';

interface ValuationState {
  valuation: Valuation | null;
  loading: boolean;
  error: AppErrorData | null;
  load: () => Promise<void>;
}

const newest = newestOnly();

export const useValuation = create<ValuationState>((set) => ({
  valuation: null,
  loading: false,
  error: null,
  async load() {
    set({ loading: true });
    const result = await newest(() => api.call('valuation.get', { lines: 50 }));
    if (!result) return;
    if (!result.ok) set({ loading: false, error: result.error });
    else set({ loading: false, error: null, valuation: result.value });
  },
}));
