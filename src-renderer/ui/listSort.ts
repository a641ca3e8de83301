/**
 * The column each list is sorted by, kept per list while the app runs, so a list's store asks for it
 * and its Export button exports in the same order.
 */
import { create } from 'zustand';

export interface Sorting<S extends string = string> {
  sort: S;
  direction: 'asc' | 'desc';
}

interface SortsState {
  sorts: Record<string, Sorting>;
  put: (list: string, sorting: Sorting) => void;
}

export const useSorts = create<SortsState>((set) => ({
  sorts: {},
  put: (list, sorting) => set((s) => ({ sorts: { ...s.sorts, [list]: sorting } })),
}));

/** The list's sorting now, or its default. */
export function sortingOf<S extends string>(list: string, fallback: Sorting<S>): Sorting<S> {
  return (useSorts.getState().sorts[list] as Sorting<S> | undefined) ?? fallback;
}

/** The same column again turns the order round; another column sorts by it, ascending. */
export function toggleSort(list: string, sort: string, fallback: Sorting): void {
  const now = sortingOf(list, fallback);
  const direction = now.sort === sort ? (now.direction === 'asc' ? 'desc' : 'asc') : 'asc';
  useSorts.getState().put(list, { sort, direction });
}
