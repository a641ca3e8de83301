/** A count session at one site: start it, scan or type counts, review the differences, post. */
import { create } from 'zustand';
import type { AppErrorData, CountDifference, CountSession, CountSummary } from '../../src-shared/ipc';
import { formatQuantity, subtractQuantities, toUnits } from '../../src-shared/quantity';
import { api } from '../api/client';
import type { ScanOutcome } from '../ui/ScanField';

type Line = CountSession['lines'][number];
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
  review: { differences: Difference[]; counted: number; total: number } | null;
  reviewProgress: number | null;
  report: { count: CountSession; differences: CountDifference[] } | null;
  /** Counts started earlier and not posted (e.g. before the app was closed), to pick up again. */
  openCounts: CountSummary[];
  loadOpenCounts: () => Promise<void>;
  resume: (countId: string) => Promise<void>;
  start: (siteId: string) => Promise<void>;
  page: (offset: number) => Promise<void>;
  scan: (barcode: string) => Promise<ScanOutcome>;
  enter: (itemId: string, counted: string) => Promise<AppErrorData | null>;
  startReview: () => Promise<void>;
  closeReview: () => void;
  post: () => Promise<void>;
  finish: () => void;
}

export function quantityDifference(counted: string, expected: string): string {
  return formatQuantity(subtractQuantities(toUnits(counted), toUnits(expected)));
}

export const useCount = create<CountState>((set, get) => {
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
    async loadOpenCounts() {
      const result = await api.call('counts.list', { status: 'open', limit: 20 });
      if (result.ok) set({ openCounts: result.value.rows });
    },
    async resume(countId) {
      set({ busy: 'Opening the count…', error: null, report: null });
      const result = await api.call('counts.get', { id: countId, limit: countPageSize, offset: 0 });
      set({ busy: null });
      if (!result.ok) return set({ error: result.error });
      set({ session: result.value, offset: 0 });
    },
    async start(siteId) {
      set({ busy: 'Starting the count…', error: null, report: null });
      const result = await api.call('counts.start', { siteId: siteId || undefined });
      set({ busy: null });
      if (!result.ok) return set({ error: result.error });
      set({ session: result.value, offset: 0 });
      await get().page(0);
    },
    async page(offset) {
      const id = get().session?.id;
      if (!id) return;
      const result = await api.call('counts.get', { id, limit: countPageSize, offset });
      if (result.ok) set({ session: result.value, offset, error: null });
      else set({ error: result.error });
    },
    async scan(barcode) {
      const id = get().session?.id;
      if (!id) return { ok: false, message: 'Start a count first.' };
      const result = await api.call('counts.enter', { countId: id, barcode, counted: '1', add: true });
      if (!result.ok) return { ok: false, message: result.error.message };
      replaceLine(result.value);
      void refreshCounts();
      return { ok: true, message: `${result.value.itemName}: ${result.value.counted ?? '0'} counted` };
    },
    async enter(itemId, counted) {
      const id = get().session?.id;
      if (!id) return null;
      const result = await api.call('counts.enter', { countId: id, itemId, counted });
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
      set({ review: { differences, counted: counted.length, total: lines.length }, reviewProgress: null });
    },
    closeReview: () => set({ review: null }),
    async post() {
      const id = get().session?.id;
      if (!id) return;
      set({ busy: 'Posting the count…', error: null });
      const result = await api.call('counts.post', { countId: id });
      set({ busy: null });
      if (!result.ok) return set({ error: result.error });
      set({ report: result.value, review: null, session: null, offset: 0 });
    },
    finish: () => set({ report: null, session: null, review: null }),
  };
});
