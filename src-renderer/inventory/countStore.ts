/** A count session at one site: start it, scan or type counts, review the differences, post. */
import { create } from 'zustand';
import type { AppErrorData, Bin, CountBin, CountDifference, CountSession, CountSummary } from '../../src-shared/ipc';
import { formatQuantity, subtractQuantities, toUnits } from '../../src-shared/quantity';
import { api } from '../api/client';
import type { ScanOutcome } from '../ui/ScanField';

export const countPageSize = 100;

export interface Difference {
  itemId: string;
  itemName: string;
  expected: string;
  counted: string;
  difference: string;
}

interface CountState {
  session: CountSession | null;
  offset: number;
  busy: string | null;
  error: AppErrorData | null;
  /** Review before posting: null until asked; progress while all lines are fetched. */
  review: { differences: Difference[]; counted: number; total: number; partial: { itemId: string; itemName: string; uncountedBins: string[] }[] } | null;
  reviewProgress: number | null;
  report: { count: CountSession; differences: CountDifference[] } | null;
  /** Counts started earlier and not posted (e.g. before the app was closed), to pick up again. */
  openCounts: CountSummary[];
  /** The bins of the count's site: a scanned value that is one of their codes switches the current bin. */
  bins: Bin[];
  /** The bin being counted (its label scanned): scans and typed quantities count into it. */
  currentBin: string | null;
  /** Finishing the current bin: the items kept there but not scanned there, to confirm as none or leave. */
  finishing: CountBin | null;
  notice: string | null;
  finishBin: () => Promise<void>;
  /** Ends the bin being finished: the chosen items counted as 0 in it, the rest left uncounted there. */
  confirmBin: (zeroItemIds: string[]) => Promise<void>;
  leaveBin: () => void;
  loadOpenCounts: () => Promise<void>;
  resume: (countId: string) => Promise<void>;
  start: (siteId: string) => Promise<void>;
  page: (offset: number) => Promise<void>;
  /** A bin label (switches the bin being counted) or an item's barcode (one more of it, in that bin). */
  scan: (code: string, retried?: boolean) => Promise<ScanOutcome>;
  enter: (itemId: string, counted: string) => Promise<AppErrorData | null>;
  startReview: () => Promise<void>;
  closeReview: () => void;
  post: () => Promise<void>;
  finish: () => void;
}

export function quantityDifference(counted: string, expected: string): string {
  return formatQuantity(subtractQuantities(toUnits(counted), toUnits(expected)));
}

type Line = CountSession['lines'][number];

/** What the line holds in the bin, or (no bin) its whole count: the value the Counted box shows. */
export function countedIn(line: Line, bin: string | null): string | null {
  if (bin === null) return line.counted;
  return line.bins.find((b) => b.binCode.toLowerCase() === bin.toLowerCase())?.counted ?? null;
}

export const useCount = create<CountState>((set, get) => {
  const opened = async (session: CountSession) => {
    set({ session, offset: 0, currentBin: null, finishing: null, notice: null, bins: [] });
    const bins = await api.call('bins.list', { siteId: session.siteId });
    if (bins.ok) set({ bins: bins.value });
  };
  const finishWith = async (zeroItemIds: string[]) => {
    const id = get().session?.id;
    const bin = get().currentBin;
    if (!id || bin === null) return;
    const result = await api.call('counts.finishBin', { countId: id, binCode: bin, zeroItemIds });
    if (!result.ok) return set({ error: result.error });
    const left = result.value.notScanned.length;
    const zero = zeroItemIds.length === 0 ? '' : ` ${zeroItemIds.length} confirmed as none there.`;
    set({
      finishing: null,
      currentBin: null,
      error: null,
      notice: `Bin ${result.value.binCode} finished: ${result.value.counted.length} items counted there.${zero}${left > 0 ? ` ${left} left uncounted there.` : ''} Scan the next bin label.`,
    });
    await get().page(get().offset);
  };
  const replaceLine = (line: Line) =>
    set((s) => (s.session ? { session: { ...s.session, lines: s.session.lines.map((l) => (l.itemId === line.itemId ? line : l)) } } : {}));
  const refreshCounts = async () => {
    const id = get().session?.id;
    if (!id) return;
    const result = await api.call('counts.get', { id, limit: countPageSize, offset: get().offset });
    if (result.ok) set({ session: result.value });
  };

  return {
    session: null,
    offset: 0,
    busy: null,
    error: null,
    review: null,
    reviewProgress: null,
    report: null,
    openCounts: [],
    bins: [],
    currentBin: null,
    finishing: null,
    notice: null,
    async finishBin() {
      const id = get().session?.id;
      const bin = get().currentBin;
      if (!id || bin === null) return;
      const result = await api.call('counts.bin', { countId: id, binCode: bin });
      if (!result.ok) return set({ error: result.error });
      if (result.value.notScanned.length === 0) return finishWith([]);
      set({ finishing: result.value, error: null });
    },
    confirmBin: (zeroItemIds) => finishWith(zeroItemIds),
    leaveBin: () => set({ currentBin: null, finishing: null, notice: null }),
    async loadOpenCounts() {
      const result = await api.call('counts.list', { status: 'open', limit: 20 });
      if (result.ok) set({ openCounts: result.value.rows });
    },
    async resume(countId) {
      set({ busy: 'Opening the count…', error: null, report: null });
      const result = await api.call('counts.get', { id: countId, limit: countPageSize, offset: 0 });
      set({ busy: null });
      if (!result.ok) return set({ error: result.error });
      await opened(result.value);
    },
    async start(siteId) {
      set({ busy: 'Starting the count…', error: null, report: null });
      const result = await api.call('counts.start', { siteId: siteId || undefined });
      set({ busy: null });
      if (!result.ok) return set({ error: result.error });
      await opened(result.value);
      await get().page(0);
    },
    async page(offset) {
      const id = get().session?.id;
      if (!id) return;
      const result = await api.call('counts.get', { id, limit: countPageSize, offset });
      if (result.ok) set({ session: result.value, offset, error: null });
      else set({ error: result.error });
    },
    async scan(code, retried = false) {
      const id = get().session?.id;
      const session = get().session;
      if (!id || !session) return { ok: false, message: 'Start a count first.' };
      // A bin label of this site switches the bin being counted (a bin code wins over a barcode).
      const bin = get().bins.find((b) => b.code.toLowerCase() === code.trim().toLowerCase());
      if (bin) {
        const state = await api.call('counts.bin', { countId: id, binCode: bin.code });
        if (!state.ok) return { ok: false, message: state.error.message };
        set({ currentBin: bin.code, finishing: null, notice: null });
        const waiting = state.value.notScanned.length;
        return { ok: true, message: `Counting bin ${bin.code}: items scanned now count into it.${waiting > 0 ? ` ${waiting} kept there still to count.` : ''}` };
      }
      const binCode = get().currentBin ?? undefined;
      const result = await api.call('counts.enter', { countId: id, barcode: code, counted: '1', add: true, binCode });
      if (!result.ok && result.error.code === 'not_found' && result.error.field === 'barcode' && !retried) {
        // No item has it: perhaps a bin added since the count opened. Read the site's bins again, once.
        const bins = await api.call('bins.list', { siteId: session.siteId });
        if (bins.ok && bins.value.length !== get().bins.length) {
          set({ bins: bins.value });
          return get().scan(code, true);
        }
      }
      if (!result.ok) return { ok: false, message: result.error.message };
      replaceLine(result.value);
      void refreshCounts();
      const inBin = binCode === undefined ? '' : ` (${countedIn(result.value, binCode) ?? '0'} in ${binCode})`;
      return { ok: true, message: `${result.value.itemName}: ${result.value.counted ?? '0'} counted${inBin}` };
    },
    async enter(itemId, counted) {
      const id = get().session?.id;
      if (!id) return null;
      const result = await api.call('counts.enter', { countId: id, itemId, counted, binCode: get().currentBin ?? undefined });
      if (!result.ok) return result.error;
      replaceLine(result.value);
      void refreshCounts();
      return null;
    },
    async startReview() {
      const session = get().session;
      if (!session) return;
      // A whole-site count can hold thousands of lines: fetch them in pages, showing progress.
      const lines: Line[] = [];
      set({ reviewProgress: 0, error: null });
      for (let offset = 0; offset < session.lineCount; offset += 500) {
        const result = await api.call('counts.get', { id: session.id, limit: 500, offset });
        if (!result.ok) return set({ error: result.error, reviewProgress: null });
        lines.push(...result.value.lines);
        set({ reviewProgress: lines.length / Math.max(1, session.lineCount) });
      }
      const counted = lines.filter((l): l is Line & { counted: string } => l.counted !== null);
      const differences = counted
        .map((l) => ({ itemId: l.itemId, itemName: l.itemName, expected: l.expected, counted: l.counted, difference: quantityDifference(l.counted, l.expected) }))
        .filter((d) => d.difference !== '0');
      const partial = counted.filter((l) => l.uncountedBins.length > 0).map((l) => ({ itemId: l.itemId, itemName: l.itemName, uncountedBins: l.uncountedBins }));
      set({ review: { differences, counted: counted.length, total: lines.length, partial }, reviewProgress: null });
    },
    closeReview: () => set({ review: null }),
    async post() {
      const id = get().session?.id;
      if (!id) return;
      set({ busy: 'Posting the count…', error: null });
      const result = await api.call('counts.post', { countId: id });
      set({ busy: null });
      if (!result.ok) return set({ error: result.error });
      set({ report: result.value, review: null, session: null, offset: 0, currentBin: null, finishing: null, notice: null });
    },
    finish: () => set({ report: null, session: null, review: null, currentBin: null, finishing: null, notice: null }),
  };
});
