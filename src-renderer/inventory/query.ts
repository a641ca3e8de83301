/**
 * What the item list asks `items.list` for: its filter as the contract has it, one page at a time.
 * No store and no React here: the page's first script (`shell/boot.ts`) asks for the first page with it.
 */
import type { ItemListQuery, ItemType } from '../../src-shared/ipc';
import type { Sorting } from '../ui/listSort';

export const pageSize = 100;

export interface InventoryFilter {
  search: string;
  siteId: string;
  type: ItemType | '';
  active: 'active' | 'inactive' | 'all';
}

/** The list as it first opens: every active item at every site, by name. */
export const initialFilter: InventoryFilter = { search: '', siteId: '', type: '', active: 'active' };

export const itemSortDefault: Sorting<ItemListQuery['sort']> = { sort: 'name', direction: 'asc' };

/** The list's filters as the contract has them (the Export button sends the same). */
export function listFilterOf(filter: InventoryFilter) {
  return {
    search: filter.search.trim() || undefined,
    siteId: filter.siteId || undefined,
    type: filter.type || undefined,
    active: filter.active === 'all' ? undefined : filter.active === 'active',
  };
}

export function queryOf(filter: InventoryFilter, page: number, sorting: Sorting<ItemListQuery['sort']>) {
  return { ...listFilterOf(filter), ...sorting, limit: pageSize, offset: page * pageSize };
}

/** The first page the list asks for when it first opens (no sort chosen yet in this run of the app). */
export function firstPageQuery() {
  return queryOf(initialFilter, 0, itemSortDefault);
}
