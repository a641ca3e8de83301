/** Sync screen state: live status from events, history and errors fetched on demand. */
import { create } from 'zustand';
import type { AppErrorData, PreviewLine, SyncLogEntry, SyncRun, SyncStatus } from '../../src-shared/ipc';
import { api } from '../api/client';

interface SyncState {
  status: SyncStatus | null;
  history: SyncRun[];
  errors: SyncLogEntry[];
  preview: PreviewLine[] | null;
  busy: 'now' | 'resend' | 'counts' | 'preview' | null;
  error: AppErrorData | null;
  load: () => Promise<void>;
  /** Only the live status (the sidebar needs no history). */
  loadStatus: () => Promise<void>;
  syncNow: () => Promise<void>;
  resendAll: () => Promise<void>;
  pushCounts: () => Promise<void>;
  showPreview: (mode: 'next' | 'resendAll') => Promise<void>;
  closePreview: () => void;
  downloadErrors: () => Promise<void>;
  setPaused: (paused: boolean) => Promise<void>;
}

export const useSync = create<SyncState>((set, get) => {
  api.on('sync.status', (status) => {
    set({ status });
    if (status.state !== 'running') void refreshLists();
  });
  api.on('sync.progress', (p) => {
    const status = get().status;
    if (status) set({ status: { ...status, state: 'running', progress: { phase: p.phase, done: p.done, total: p.total, counts: p.counts } } });
  });

  async function refreshLists() {
    const [history, errors] = await Promise.all([
      api.call('sync.history', { limit: 50, offset: 0 }),
      api.call('sync.errors', { limit: 200, offset: 0, level: 'all' }),
    ]);
    if (history.ok) set({ history: history.value.rows });
    if (errors.ok) set({ errors: errors.value.rows });
  }

  async function run(kind: 'now' | 'resend' | 'counts') {
    set({ busy: kind, error: null });
    const request = kind === 'now' ? 'sync.now' : kind === 'resend' ? 'sync.resendAll' : 'sync.pushCounts';
    const result = await api.call(request, {});
    set({ busy: null, error: result.ok ? null : result.error, preview: null });
    await get().load();
  }

  return {
    status: null,
    history: [],
    errors: [],
    preview: null,
    busy: null,
    error: null,
    async loadStatus() {
      const status = await api.call('sync.status', {});
      if (status.ok) set({ status: status.value });
    },
    async load() {
      const status = await api.call('sync.status', {});
      if (status.ok) set({ status: status.value });
      else set({ error: status.error });
      await refreshLists();
    },
    syncNow: () => run('now'),
    resendAll: () => run('resend'),
    pushCounts: () => run('counts'),
    async showPreview(mode) {
      set({ busy: 'preview' });
      const result = await api.call('sync.preview', { mode });
      set({ busy: null, preview: result.ok ? result.value.lines : null, error: result.ok ? null : result.error });
    },
    closePreview: () => set({ preview: null }),
    async downloadErrors() {
      const result = await api.call('sync.exportErrors', {});
      if (!result.ok) {
        set({ error: result.error });
        return;
      }
      const url = URL.createObjectURL(new Blob([result.value.csv], { type: 'text/csv' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = result.value.fileName;
      link.click();
      URL.revokeObjectURL(url);
    },
    async setPaused(paused) {
      const result = await api.call('sync.pause', { paused });
      if (result.ok) set({ status: result.value });
    },
  };
});
