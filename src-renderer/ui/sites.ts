/** The sites every warehouse screen chooses from; loaded once and shared. */
import { create } from 'zustand';
import type { AppErrorData, Site } from '../../src-shared/ipc';
import { api } from '../api/client';

interface SitesState {
  sites: Site[];
  loaded: boolean;
  error: AppErrorData | null;
  load: (force?: boolean) => Promise<void>;
}

export const useSites = create<SitesState>((set, get) => ({
  sites: [],
  loaded: false,
  error: null,
  async load(force = false) {
    if (get().loaded && !force) return;
    const result = await api.call('sites.list', {});
    if (result.ok) set({ sites: result.value, loaded: true, error: null });
    else set({ error: result.error });
  },
}));

export function siteName(sites: readonly Site[], id: string): string {
  return sites.find((s) => s.id === id)?.name ?? id;
}

/** The sites a new movement, receipt or order may choose: the active ones, plus the one already chosen. */
export function offeredSites(sites: readonly Site[], chosen?: string | null): Site[] {
  return sites.filter((s) => s.active || s.id === chosen);
}
