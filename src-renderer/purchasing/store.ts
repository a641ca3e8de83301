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
  /** How many one scan receives: typed as 12* in the scan field or in its box; back to 1 after the scan. */
  scanQty: string;
  /** Sets the quantity for the next scan; answers what to say (a refusal when it is no quantity). */
  setScanQty: (text: string) => ScanOutcome;
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

/** Why a quantity for the next scan is refused, in words; null when it is one. */
export function scanQtyProblem(text: string): string | null {
  const trimmed = text.trim().replace(',', '.');
  // A barcode scanned while the quantity box had the cursor lands here: say so rather than receive thousands.
  if (/^\d{7,}$/.test(trimmed)) return `"${trimmed}" looks like a barcode, not a quantity: scan it in the scan field. The quantity stays as it was.`;
  const units = parseQuantity(trimmed);
  if (units === null || units <= 0) return 'Enter the quantity for the next scan as a number greater than zero, like 12.';
  if (units > toUnits('99999')) return 'A quantity for one scan is at most 99999.';
  return null;
}

/** Spreads `qty` of the item over its lines on the PO, in line order, within what each still expects. */
function placeScan(po: PurchaseOrder, receiving: Record<string, string>, itemId: string, qty: number): { ok: true; receiving: Record<string, string> } | { ok: false; room: number } {
  const lines = po.lines.filter((l) => l.itemId === itemId);
  const pending = (id: string) => parseQuantity(receiving[id] ?? '0') ?? 0;
  const rooms = lines.map((l) => Math.max(0, toUnits(l.remaining) - pending(l.id)));
  const room = rooms.reduce((a, b) => addQuantities(a, b), 0);
  if (room < qty) return { ok: false, room };
  const out: Record<string, string> = {};
  let left = qty;
  lines.forEach((l, i) => {
    const take = Math.min(left, rooms[i] ?? 0);
    if (take <= 0) return;
    out[l.id] = formatQuantity(addQuantities(pending(l.id), take));
    left -= take;
  });
  return { ok: true, receiving: out };
}

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
    scanQty: '1',
    setScanQty(text) {
      const why = scanQtyProblem(text);
      if (why) return { ok: false, message: why };
      const qty = formatQuantity(parseQuantity(text.trim().replace(',', '.')) ?? 0);
      set({ scanQty: qty });
      return { ok: true, message: `The next scan receives ${qty}.` };
    },
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
      set(stateOf(await api.call('purchaseOrders.get', { id }), (po) => ({ po, receiving: {}, scanQty: '1', notice: null, error: null })));
    },
    closeView: () => set({ po: null, receiving: {}, scanQty: '1', notice: null, error: null }),
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
      const qty = get().scanQty;
      const placed = placeScan(po, get().receiving, found.value.id, toUnits(qty));
      if (!placed.ok) {
        const onPo = po.lines.some((l) => l.itemId === found.value.id);
        if (!onPo) return { ok: false, message: `"${found.value.name}" is not on PO ${po.number}.` };
        if (placed.room === 0) return { ok: false, message: `All the ${found.value.name} expected on PO ${po.number} are already scanned.` };
        return { ok: false, message: `Only ${formatQuantity(placed.room)} more ${found.value.name} are expected on PO ${po.number}, not ${qty}; nothing was added. Set a smaller quantity (like ${formatQuantity(placed.room)}*).` };
      }
      // One scan, one quantity: the next scan receives 1 again unless a quantity is set for it.
      set((s) => ({ receiving: { ...s.receiving, ...placed.receiving }, scanQty: '1' }));
      const mine = po.lines.filter((l) => l.itemId === found.value.id);
      const now = formatQuantity(addQuantities(...mine.map((l) => parseQuantity(get().receiving[l.id] ?? '0') ?? 0)));
      const due = formatQuantity(addQuantities(...mine.map((l) => toUnits(l.remaining))));
      return { ok: true, message: `${found.value.name}: ${qty === '1' ? '' : `+${qty}, `}${now} of ${due} scanned.` };
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
