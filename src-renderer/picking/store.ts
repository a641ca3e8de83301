/** Picking state: the order list by status, the open order, and what the picker does to it. */
import { create } from 'zustand';
import type { AppErrorData, OrderStatus, PickingOrder, RequestInput, RequestOutput, Result } from '../../src-shared/ipc';
import { api } from '../api/client';
import { newestOnly, rereadOpen, stateOf } from '../api/pagedList';
import { sortingOf, type Sorting } from '../ui/listSort';

export const orderSortDefault: Sorting<NonNullable<RequestInput<'orders.list'>['sort']>> = { sort: 'createdAt', direction: 'desc' };
import { refreshAfterSync } from '../api/syncChanges';

type OrderSummary = RequestOutput<'orders.list'>['rows'][number];
export const ordersPageSize = 100;

interface PickingState {
  status: OrderStatus | '';
  search: string;
  offset: number;
  orders: OrderSummary[];
  total: number;
  loading: boolean;
  order: PickingOrder | null;
  error: AppErrorData | null;
  notice: string | null;
  dialog: 'create' | 'edit' | 'close' | 'settle' | null;
  setFilter: (patch: { status?: OrderStatus | ''; search?: string; offset?: number }) => Promise<void>;
  load: () => Promise<void>;
  open: (id: string) => Promise<void>;
  pick: (input: Omit<RequestInput<'orders.pick'>, 'orderId'>) => Promise<Result<PickingOrder>>;
  close: (reason: string) => Promise<Result<PickingOrder>>;
  /** Closes an out-of-sync order that was dealt with in QuickBooks, sending nothing more for it. */
  settle: (reason: string) => Promise<Result<PickingOrder>>;
  post: (orderId?: string) => Promise<void>;
  create: (input: RequestInput<'orders.create'>) => Promise<Result<PickingOrder>>;
  update: (input: RequestInput<'orders.update'>) => Promise<Result<PickingOrder>>;
  setDialog: (dialog: PickingState['dialog']) => void;
  /** Closes the open order view (Escape), back to the list; the order itself is untouched. */
  closeView: () => void;
}

const newest = newestOnly();

export const usePicking = create<PickingState>((set, get) => {
  /** The open order changed: show it and refresh its row in the list. */
  const showOrder = (order: PickingOrder) => {
    set({ order });
    void get().load();
  };

  /** A dialog's order was written: close the dialog and show it. */
  const saved = (result: Result<PickingOrder>, what: string): Result<PickingOrder> => {
    if (result.ok) {
      set({ dialog: null, notice: `Order ${result.value.number} ${what}.` });
      showOrder(result.value);
    }
    return result;
  };

  return {
    status: '',
    search: '',
    offset: 0,
    orders: [],
    total: 0,
    loading: false,
    order: null,
    error: null,
    notice: null,
    dialog: null,
    async setFilter(patch) {
      set({ offset: 0, ...patch });
      await get().load();
    },
    async load() {
      refreshAfterSync('picking', ['salesOrders', 'invoices'], () => {
        void get().load();
        rereadOpen(get().order, (id) => api.call('orders.get', { id }), () => get().order, (order) => set({ order }));
      });
      const { status, search, offset } = get();
      set({ loading: true });
      const result = await newest(() => api.call('orders.list', { status: status || undefined, search: search.trim() || undefined, ...sortingOf('orders', orderSortDefault), limit: ordersPageSize, offset }));
      if (!result) return;
      set({ loading: false });
      set(stateOf(result, (page) => ({ orders: page.rows, total: page.total })));
    },
    async open(id) {
      const result = await api.call('orders.get', { id });
      if (!result.ok) return set({ error: result.error });
      const same = get().order?.id === id;
      set({ order: result.value, error: null, ...(same ? {} : { notice: null }) });
    },
    async pick(input) {
      const order = get().order;
      if (!order) return { ok: false, error: { code: 'refused', message: 'Open an order first.' } };
      const result = await api.call('orders.pick', { ...input, orderId: order.id });
      if (result.ok) showOrder(result.value);
      return result;
    },
    async close(reason) {
      const order = get().order;
      if (!order) return { ok: false, error: { code: 'refused', message: 'Open an order first.' } };
      const result = await api.call('orders.close', { orderId: order.id, reason: reason.trim() || null });
      if (result.ok) {
        set({ dialog: null, notice: `Order ${order.number} closed; what was not picked is cancelled.` });
        showOrder(result.value);
      }
      return result;
    },
    async settle(reason) {
      const order = get().order;
      if (!order) return { ok: false, error: { code: 'refused', message: 'Open an order first.' } };
      const result = await api.call('orders.settleInQuickBooks', { orderId: order.id, reason: reason.trim() || null });
      if (result.ok) {
        set({ dialog: null, notice: `Order ${order.number} closed as dealt with in QuickBooks; nothing more is sent for it.` });
        showOrder(result.value);
      }
      return result;
    },
    async post(orderId) {
      set({ error: null, notice: orderId ? 'Posting…' : 'Posting every picked order…' });
      const result = await api.call('orders.post', orderId ? { orderId } : {});
      if (!result.ok) return set({ error: result.error, notice: null });
      const posted = result.value.posted;
      // Say what goes to QuickBooks: which orders, and how many picked lines of each.
      const sent = posted.map((p) => `${p.number} (${p.lines} line${p.lines === 1 ? '' : 's'})`).join(', ');
      set({ notice: posted.length === 0 ? 'No picked orders to post.' : `Posted ${sent} for invoicing; the next sync sends it to QuickBooks.` });
      const open = get().order;
      if (open) await get().open(open.id);
      await get().load();
    },
    create: async (input) => saved(await api.call('orders.create', input), 'created'),
    update: async (input) => saved(await api.call('orders.update', input), 'changed'),
    setDialog: (dialog) => set({ dialog }),
    closeView: () => set({ order: null, notice: null, error: null }),
  };
});
