/** Connection panel state: the status the host reports, kept fresh by `connection.changed`. */
import { create } from 'zustand';
import type { AppErrorData, ConnectionStatus } from '../../src-shared/ipc';
import { api } from '../api/client';

interface ConnectionState {
  status: ConnectionStatus | null;
  error: AppErrorData | null;
  busy: boolean;
  load: () => Promise<void>;
  connect: () => Promise<void>;
  cancel: () => Promise<void>;
  disconnect: () => Promise<void>;
  resetPractice: () => Promise<void>;
}

export const useConnection = create<ConnectionState>((set) => {
  api.on('connection.changed', (status) => set({ status }));
  const act = async (run: () => Promise<{ ok: true; value: ConnectionStatus } | { ok: false; error: AppErrorData }>) => {
    set({ busy: true, error: null });
    const result = await run();
    set(result.ok ? { status: result.value, busy: false } : { error: result.error, busy: false });
  };
  return {
    status: null,
    error: null,
    busy: false,
    load: () => act(() => api.call('connection.status', {})),
    connect: () => act(() => api.call('connection.connect', {})),
    cancel: () => act(() => api.call('connection.cancel', {})),
    disconnect: () => act(() => api.call('connection.disconnect', {})),
    resetPractice: () => act(() => api.call('practice.reset', {})),
  };
});
