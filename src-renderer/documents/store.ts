/** Invoices and estimates: lists, the open document, and what is done to it (ready for sync, post, invoice). */
import { create } from 'zustand';
import type { AppErrorData, Estimate, Invoice, RequestInput, RequestOutput, Result } from '../../src-shared/ipc';
import { api } from '../api/client';
import { newestOnly, rereadOpen, stateOf } from '../api/pagedList';
import { refreshAfterSync } from '../api/syncChanges';
import { sortingOf, type Sorting } from '../ui/listSort';

type InvoiceSort = NonNullable<RequestInput<'invoices.list'>['sort']>;
type EstimateSort = NonNullable<RequestInput<'estimates.list'>['sort']>;
/** Both lists start newest first; each keeps its own sort (invoices: also QuickBooks no., balance, status; estimates: expiry, status). */
export const documentSortDefault: Sorting<InvoiceSort & EstimateSort> = { sort: 'createdAt', direction: 'desc' };

export type DocKind = 'invoices' | 'estimates';
type InvoiceRow = RequestOutput<'invoices.list'>['rows'][number];
type EstimateRow = RequestOutput<'estimates.list'>['rows'][number];
export type DocDialog = 'invoice' | 'editInvoice' | 'estimate' | 'editEstimate' | 'fromOrder' | null;

interface DocumentsState {
  kind: DocKind;
  search: string;
  invoices: InvoiceRow[];
  estimates: EstimateRow[];
  total: number;
  invoice: Invoice | null;
  estimate: Estimate | null;
  error: AppErrorData | null;
  notice: string | null;
  busy: boolean;
  dialog: DocDialog;
  setFilter: (patch: { kind?: DocKind; search?: string }) => Promise<void>;
  load: () => Promise<void>;
  openInvoice: (id: string) => Promise<void>;
  openEstimate: (id: string) => Promise<void>;
  markReady: () => Promise<void>;
  unmarkReady: () => Promise<void>;
  postEstimate: () => Promise<void>;
  invoiceEstimate: () => Promise<void>;
  createInvoice: (input: RequestInput<'invoices.create'>) => Promise<Result<Invoice>>;
  updateInvoice: (input: RequestInput<'invoices.update'>) => Promise<Result<Invoice>>;
  updateEstimate: (input: RequestInput<'estimates.update'>) => Promise<Result<Estimate>>;
  createFromOrder: (orderId: string) => Promise<Result<Invoice>>;
  createEstimate: (input: RequestInput<'estimates.create'>) => Promise<Result<Estimate>>;
  setDialog: (dialog: DocDialog) => void;
}

const newest = newestOnly();

export const useDocuments = create<DocumentsState>((set, get) => {
  const showInvoice = async (invoice: Invoice, notice: string) => {
    set({ kind: 'invoices', invoice, estimate: null, notice, error: null, dialog: null });
    await get().load();
  };
  const showEstimate = async (estimate: Estimate, notice: string) => {
    set({ kind: 'estimates', estimate, invoice: null, notice, error: null, dialog: null });
    await get().load();
  };
  /** Ticks or unticks "Ready for sync" on the open invoice. */
  const setReady = async (request: 'invoices.markReady' | 'invoices.unmarkReady', notice: (number: string) => string) => {
    const invoice = get().invoice;
    if (!invoice) return;
    set({ busy: true });
    const result = await api.call(request, { id: invoice.id });
    set({ busy: false });
    if (!result.ok) return set({ error: result.error });
    await showInvoice(result.value, notice(invoice.number));
  };

  return {
    kind: 'invoices',
    search: '',
    invoices: [],
    estimates: [],
    total: 0,
    invoice: null,
    estimate: null,
    error: null,
    notice: null,
    busy: false,
    dialog: null,
    async setFilter(patch) {
      set(patch);
      await get().load();
    },
    async load() {
      refreshAfterSync('documents', ['invoices', 'estimates'], () => {
        void get().load();
        rereadOpen(get().invoice, (id) => api.call('invoices.get', { id }), () => get().invoice, (invoice) => set({ invoice }));
        rereadOpen(get().estimate, (id) => api.call('estimates.get', { id }), () => get().estimate, (estimate) => set({ estimate }));
      });
      const { kind, search } = get();
      const query = { search: search.trim() || undefined, limit: 200 };
      if (kind === 'invoices') {
        const result = await newest(() => api.call('invoices.list', { ...query, ...sortingOf<InvoiceSort>(kind, documentSortDefault) }));
        if (result) set(stateOf(result, (page) => ({ invoices: page.rows, total: page.total })));
      } else {
        const result = await newest(() => api.call('estimates.list', { ...query, ...sortingOf<EstimateSort>(kind, documentSortDefault) }));
        if (result) set(stateOf(result, (page) => ({ estimates: page.rows, total: page.total })));
      }
    },
    async openInvoice(id) {
      set(stateOf(await api.call('invoices.get', { id }), (invoice) => ({ invoice, estimate: null, notice: null, error: null })));
    },
    async openEstimate(id) {
      set(stateOf(await api.call('estimates.get', { id }), (estimate) => ({ estimate, invoice: null, notice: null, error: null })));
    },
    markReady: () => setReady('invoices.markReady', (n) => `Invoice ${n} is ready: it goes to QuickBooks with the next sync.`),
    unmarkReady: () => setReady('invoices.unmarkReady', (n) => `Invoice ${n} was taken back: it stays here and is not sent to QuickBooks.`),
    async postEstimate() {
      const estimate = get().estimate;
      if (!estimate) return;
      const result = await api.call('estimates.post', { id: estimate.id });
      if (!result.ok) return set({ error: result.error });
      set({ estimate: result.value, notice: `Estimate ${estimate.number} posted to QuickBooks (sent with the next sync).`, error: null });
      await get().load();
    },
    async invoiceEstimate() {
      const estimate = get().estimate;
      if (!estimate) return;
      const result = await api.call('estimates.createInvoice', { id: estimate.id });
      if (!result.ok) return set({ error: result.error });
      await showInvoice(result.value, `Invoice ${result.value.number} written from estimate ${estimate.number}.`);
    },
    async createInvoice(input) {
      const result = await api.call('invoices.create', input);
      if (result.ok) await showInvoice(result.value, `Invoice ${result.value.number} written.`);
      return result;
    },
    async updateInvoice(input) {
      const result = await api.call('invoices.update', input);
      if (result.ok) await showInvoice(result.value, `Invoice ${result.value.number} changed.`);
      return result;
    },
    async createFromOrder(orderId) {
      const result = await api.call('invoices.createFromOrder', { orderId });
      if (result.ok) await showInvoice(result.value, `Invoice ${result.value.number} written for what was picked.`);
      return result;
    },
    async createEstimate(input) {
      const result = await api.call('estimates.create', input);
      if (result.ok) await showEstimate(result.value, `Estimate ${result.value.number} written.`);
      return result;
    },
    async updateEstimate(input) {
      const result = await api.call('estimates.update', input);
      if (result.ok) await showEstimate(result.value, `Estimate ${result.value.number} changed.`);
      return result;
    },
    setDialog: (dialog) => set({ dialog }),
  };
});
