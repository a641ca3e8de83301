/** The item open beside the list: its levels per site, its movement history, and what the clerk does to it. */
import { create } from 'zustand';
import type { AppErrorData, ItemDetail, Movement, RequestInput, Result } from '../../src-shared/ipc';
import { api } from '../api/client';
import { useInventory } from './store';
import { sortingOf, type Sorting } from '../ui/listSort';

export const movementSortDefault: Sorting<NonNullable<RequestInput<'stock.movements'>['sort']>> = { sort: 'at', direction: 'desc' };

export type ItemDialog = 'create' | 'edit' | 'adjust' | 'transfer' | null;

interface ItemDetailState {
  detail: ItemDetail | null;
  movements: Movement[];
  movementsTotal: number;
  loading: boolean;
  error: AppErrorData | null;
  dialog: ItemDialog;
  /** The last thing done, in words ("Adjusted by -2 (damaged)."). */
  notice: string | null;
  open: (id: string) => Promise<void>;
  show: (detail: ItemDetail) => Promise<void>;
  close: () => void;
  moreMovements: () => Promise<void>;
  setDialog: (dialog: ItemDialog) => void;
  adjust: (input: RequestInput<'stock.adjust'>) => Promise<Result<unknown>>;
  transfer: (input: RequestInput<'stock.transfer'>) => Promise<Result<unknown>>;
  save: (input: RequestInput<'items.create'> | RequestInput<'items.update'>) => Promise<Result<ItemDetail>>;
}

const movementPage = 50;

export const useItemDetail = create<ItemDetailState>((set, get) => {
  async function loadMovements(itemId: string, offset: number) {
    const result = await api.call('stock.movements', { itemId, ...sortingOf('movements', movementSortDefault), limit: movementPage, offset });
    if (get().detail?.id !== itemId) return;
    if (!result.ok) set({ error: result.error });
    else set((s) => ({ movements: offset === 0 ? result.value.rows : [...s.movements, ...result.value.rows], movementsTotal: result.value.total }));
  }

  return {
    detail: null,
    movements: [],
    movementsTotal: 0,
    loading: false,
    error: null,
    dialog: null,
    notice: null,
    async open(id) {
      set({ loading: true, error: null, notice: null });
      const result = await api.call('items.get', { id });
      set({ loading: false });
      if (!result.ok) set({ error: result.error });
      else await get().show(result.value);
    },
    async show(detail) {
      const same = get().detail?.id === detail.id;
      set({ detail, error: null, ...(same ? {} : { movements: [], movementsTotal: 0, notice: null }) });
      await loadMovements(detail.id, 0);
    },
    close: () => set({ detail: null, movements: [], notice: null, error: null }),
    async moreMovements() {
      const detail = get().detail;
      if (detail) await loadMovements(detail.id, get().movements.length);
    },
    setDialog: (dialog) => set({ dialog }),
    async adjust(input) {
      const result = await api.call('stock.adjust', input);
      if (result.ok) {
        const { movement, onHand } = result.value;
        set({ dialog: null });
        await get().open(input.itemId);
        set({ notice: `Adjusted by ${movement.qty} at ${movement.siteName} (${input.reason}); now ${onHand} on hand there.` });
      }
      return result;
    },
    async transfer(input) {
      const result = await api.call('stock.transfer', input);
      if (result.ok) {
        const notice = `Moved ${input.qty} from ${result.value.movements[0]?.siteName ?? ''} to ${result.value.movements[1]?.siteName ?? ''}.`;
        set({ dialog: null });
        await get().open(input.itemId);
        set({ notice });
      }
      return result;
    },
    async save(input) {
      const result = 'id' in input ? await api.call('items.update', input) : await api.call('items.create', input);
      if (result.ok) {
        set({ dialog: null });
        useInventory.getState().refresh();
        await get().show(result.value);
        set({ notice: 'id' in input ? 'Item saved.' : `Item "${result.value.name}" created.` });
      }
      return result;
    },
  };
});
