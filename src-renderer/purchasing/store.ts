/** Purchase orders: the list by status, the open PO, and a receipt being built up by scans. */
import { create } from 'zustand';
import type { AppErrorData, PurchaseOrder, PurchaseOrderStatus, RequestInput, RequestOutput, Result } from '../../src-shared/ipc';
import { addQuantities, formatQuantity, parseQuantity, toUnits } from '../../src-shared/quantity';
import { api } from '../api/client';
import { newestOnly, rereadOpen, stateOf } from '../api/pagedList';
import { refreshAfterSync } from '../api/syncChanges';
import type { ScanOutcome } from '../ui/ScanField';
import { sortingOf, type Sorting } from '../ui/listSort';

export const poSortDefault: Sorting<NonNullable<RequestInput<'purchaseOrders.list'>['sort']>> = { sort: 'createdAt', direction: 'desc' };

type Summary = RequestOutput<'purchaseOrders.list'>['rows'][number];

interface PurchasingState {
  status: PurchaseOrderStatus | '';
  search: string;
  rows: Summary[];
  total: number;
  po: PurchaseOrder | null;
  /** Quantities scanned or typed for the next receipt, by line id. */
  receiving: Record<string, string>;
  /** A bin scanned or typed to put the next receipt away to; empty: each item's primary bin. */
  binCode: string;
  setBinCode: (code: string) => void;
  error: AppErrorData | null;
  notice: string | null;
  busy: boolean;
  dialog: 'create' | 'edit' | null;
  setFilter: (patch: { status?: PurchaseOrderStatus | ''; search?: string }) => Promise<void>;
  load: () => Promise<void>;
  open: (id: string) => Promise<void>;
  setReceiving: (lineId: string, qty: string) => void;
  scan: (barcode: string) => Promise<ScanOutcome>;
  /** Closes the open purchase order (Escape), back to the list. */
  closeView: () => void;
  receive: (all: boolean) => Promise<void>;
  post: () => Promise<void>;
  closePo: () => Promise<void>;
  save: (input: RequestInput<'purchaseOrders.create'> | RequestInput<'purchaseOrders.update'>) => Promise<Result<PurchaseOrder>>;
  setDialog: (dialog: PurchasingState['dialog']) => void;
}

const newest = newestOnly();

export const usePurchasing = create<PurchasingState>((set, get) => {
  const show = (po: PurchaseOrder, notice: string | null) => {
    set({ po, notice, error: null });
    void get().load();
  };

  return {
    status: '',
    search: '',
    rows: [],
    total: 0,
    po: null,
    receiving: {},
    binCode: '',
    setBinCode: (binCode) => set({ binCode }),
    error: null,
    notice: null,
    busy: false,
    dialog: null,
    async setFilter(patch) {
      set(patch);
      await get().load();
    },
    async load() {
      refreshAfterSync('purchasing', ['purchaseOrders'], () => {
        void get().load();
        rereadOpen(get().po, (id) => api.call('purchaseOrders.get', { id }), () => get().po, (po) => set({ po }));
      });
      const { status, search } = get();
      const result = await newest(() => api.call('purchaseOrders.list', { status: status || undefined, search: search.trim() || undefined, ...sortingOf('purchaseOrders', poSortDefault), limit: 200 }));
      if (result) set(stateOf(result, (page) => ({ rows: page.rows, total: page.total })));
    },
    async open(id) {
      set(stateOf(await api.call('purchaseOrders.get', { id }), (po) => ({ po, receiving: {}, notice: null, error: null })));
    },
    closeView: () => set({ po: null, receiving: {}, notice: null, error: null }),
    setReceiving: (lineId, qty) => set((s) => ({ receiving: { ...s.receiving, [lineId]: qty } })),
    async scan(barcode) {
      const po = get().po;
      if (!po) return { ok: false, message: 'Open a purchase order first.' };
      const found = await api.call('items.findByBarcode', { barcode });
      if (!found.ok) {
        // A scanned bin label at the PO's site: the next receipt is put away there.
        const bins = await api.call('bins.list', { siteId: po.siteId });
        const bin = bins.ok ? bins.value.find((b) => b.code.toLowerCase() === barcode.trim().toLowerCase()) : undefined;
        if (!bin) return { ok: false, message: found.error.message };
        set({ binCode: bin.code });
        return { ok: true, message: `Putting away to bin ${bin.code}.` };
      }
      // The first line of that item with room left for one more.
      const line = po.lines.find((l) => {
        if (l.itemId !== found.value.id) return false;
        const pending = parseQuantity(get().receiving[l.id] ?? '0') ?? 0;
        return addQuantities(pending, toUnits('1')) <= toUnits(l.remaining);
      });
      if (!line) {
        const onPo = po.lines.some((l) => l.itemId === found.value.id);
        return { ok: false, message: onPo ? `All the ${found.value.name} expected on PO ${po.number} are already scanned.` : `"${found.value.name}" is not on PO ${po.number}.` };
      }
      const next = formatQuantity(addQuantities(parseQuantity(get().receiving[line.id] ?? '0') ?? 0, toUnits('1')));
      get().setReceiving(line.id, next);
      return { ok: true, message: `${found.value.name}: ${next} of ${line.remaining} scanned.` };
    },
    async receive(all) {
      const po = get().po;
      if (!po) return;
      const lines = Object.entries(get().receiving)
        .map(([lineId, qty]) => ({ lineId, qty: qty.trim().replace(',', '.') }))
        .filter((l) => l.qty !== '' && l.qty !== '0');
      if (!all && lines.length === 0) return set({ error: { code: 'invalid_input', message: 'Scan or type what arrived first.' } });
      set({ busy: true, error: null });
      const binCode = get().binCode.trim();
      const input = { purchaseOrderId: po.id, ...(all ? {} : { lines }), ...(binCode === '' ? {} : { binCode }) };
      const result = await api.call('purchaseOrders.receive', input);
      set({ busy: false });
      if (!result.ok) return set({ error: result.error });
      set({ receiving: {}, binCode: '' });
      const where = result.value.putAway.map((p) => `${p.qty} × ${p.itemName} → ${p.bin ?? 'no bin'}`).join('; ');
      const what = all ? 'Everything outstanding was received.' : `Received ${lines.length} line${lines.length === 1 ? '' : 's'}.`;
      show(result.value.purchaseOrder, where === '' ? what : `${what} Put away: ${where}.`);
    },
    async post() {
      const po = get().po;
      if (!po) return;
      const result = await api.call('purchaseOrders.post', { id: po.id });
      if (result.ok) show(result.value, `PO ${po.number} posted to QuickBooks (sent with the next sync).`);
      else set({ error: result.error });
    },
    async closePo() {
      const po = get().po;
      if (!po) return;
      const result = await api.call('purchaseOrders.close', { id: po.id });
      if (result.ok) show(result.value, `PO ${po.number} closed.`);
      else set({ error: result.error });
    },
    async save(input) {
      const result = 'id' in input ? await api.call('purchaseOrders.update', input) : await api.call('purchaseOrders.create', input);
      if (result.ok) {
        set({ dialog: null, receiving: {} });
        show(result.value, 'id' in input ? `PO ${result.value.number} saved.` : `PO ${result.value.number} drafted.`);
      }
      return result;
    },
    setDialog: (dialog) => set({ dialog }),
  };
});
