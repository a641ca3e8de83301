/** Settings screen state: the stored settings, the user's draft, and errors by field. */
import { create } from 'zustand';
import type { AppErrorData, Settings, SettingsPatch } from '../../src-shared/ipc';
import { api } from '../api/client';

interface SettingsState {
  stored: Settings | null;
  draft: Settings | null;
  error: AppErrorData | null;
  saving: boolean;
  savedAt: number | null;
  load: () => Promise<void>;
  edit: (change: (draft: Settings) => void) => void;
  save: () => Promise<void>;
}

export const useSettings = create<SettingsState>((set, get) => ({
  stored: null,
  draft: null,
  error: null,
  saving: false,
  savedAt: null,
  async load() {
    const result = await api.call('settings.get', {});
    if (result.ok) set({ stored: result.value, draft: structuredClone(result.value), error: null });
    else set({ error: result.error });
  },
  edit(change) {
    const draft = get().draft;
    if (!draft) return;
    const next = structuredClone(draft);
    change(next);
    set({ draft: next, savedAt: null });
  },
  async save() {
    const { draft, stored } = get();
    if (!draft || !stored) return;
    set({ saving: true });
    const result = await api.call('settings.update', diff(stored, draft));
    if (result.ok) set({ stored: result.value, draft: structuredClone(result.value), error: null, saving: false, savedAt: Date.now() });
    else set({ error: result.error, saving: false });
  },
}));

/** Only what the user changed is sent, so a concurrent change elsewhere is not overwritten. */
function diff(stored: Settings, draft: Settings): SettingsPatch {
  const patch: SettingsPatch = {};
  for (const key of Object.keys(draft) as (keyof Settings)[]) {
    if (JSON.stringify(draft[key]) !== JSON.stringify(stored[key])) Object.assign(patch, { [key]: draft[key] });
  }
  return patch;
}
