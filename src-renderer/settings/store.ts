/** Settings screen state: the stored settings, the user's draft, and errors by field. */
import { create } from 'zustand';
import type { AppErrorData, FieldIssue, Settings, SettingsPatch } from '../../src-shared/ipc';
import { api } from '../api/client';
import { checkInput } from '../ui/validate';

interface SettingsState {
  stored: Settings | null;
  draft: Settings | null;
  error: AppErrorData | null;
  saving: boolean;
  savedAt: number | null;
  load: () => Promise<void>;
  edit: (change: (draft: Settings) => void) => void;
  /** `local`: what the screen found wrong itself (text that is not a number), shown with the rest. */
  save: (local?: FieldIssue[]) => Promise<void>;
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
  async save(local = []) {
    const { draft, stored } = get();
    if (!draft || !stored) return;
    const patch = diff(stored, draft);
    const problem = checkInput('settings.update', patch, local);
    if (problem) return set({ error: problem, savedAt: null });
    set({ saving: true });
    const result = await api.call('settings.update', patch);
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
