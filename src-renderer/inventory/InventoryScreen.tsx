/** Inventory: every item with its on-hand (all sites or one), search and filters, the open item, counts. */
import { Suspense, useEffect, useState } from 'react';
import type { ItemType } from '../../src-shared/ipc';
import { api } from '../api/client';
import { ScanField } from '../ui/ScanField';
import { useSites } from '../ui/sites';
import { useItemDetail } from './detailStore';
import { ItemList, typeLabels } from './ItemList';
import { itemSortDefault, listFilterOf, useInventory, type InventoryFilter } from './store';
import { ExportButton } from '../ui/ExportButton';
import { KeyButton } from '../ui/KeyButton';
import { shortcuts, useShortcut } from '../ui/keyboard';
import { later } from '../ui/later';
import './inventory.css';

// What the list does not need to show its first rows loads on demand: the open item, the forms, the
// count (their code, with the contract's schemas the forms check against, is a chunk of its own).
const CountPanel = later(() => import('./CountPanel').then((m) => m.CountPanel)).Component;
const ItemDetailPanel = later(() => import('./ItemDetailPanel').then((m) => m.ItemDetailPanel)).Component;
const ItemForm = later(() => import('./ItemForm').then((m) => m.ItemForm)).Component;
const AdjustDialog = later(() => import('./StockDialogs').then((m) => m.AdjustDialog)).Component;
const TransferDialog = later(() => import('./StockDialogs').then((m) => m.TransferDialog)).Component;

function NoItem(props: { opening: boolean }) {
  return <aside className="detail empty hint">{props.opening ? 'Opening…' : 'Choose an item, or scan its barcode.'}</aside>;
}

export function InventoryScreen() {
  const [tab, setTab] = useState<'items' | 'count'>('items');
  useShortcut(shortcuts.count, () => setTab('count'));
  const inventory = useInventory();
  const detail = useItemDetail();
  const { sites, load: loadSites } = useSites();
  const filter = inventory.filter;

  useEffect(() => {
    void loadSites();
    inventory.opened();
    return api.on('stock.changed', ({ levels }) => {
      useInventory.getState().applyLevels(levels);
      const open = useItemDetail.getState().detail;
      if (open && levels.some((l) => l.itemId === open.id)) void useItemDetail.getState().open(open.id);
    });
  }, []);

  const scan = async (code: string) => {
    const result = await api.call('items.findByBarcode', { barcode: code });
    if (!result.ok) return { ok: false, message: result.error.message };
    await detail.show(result.value);
    return { ok: true, message: `Found ${result.value.name}.` };
  };
  const item = detail.detail;

  return (
    <section className="inventory">
      <div className="screen-head">
        <h1>Inventory</h1>
        <div role="tablist" aria-label="Inventory views" className="tabs">
          <button type="button" role="tab" aria-selected={tab === 'items'} onClick={() => setTab('items')}>Items</button>
          <button type="button" role="tab" aria-selected={tab === 'count'} title={`Count (${shortcuts.count})`} aria-keyshortcuts={shortcuts.count} onClick={() => setTab('count')}>Count</button>
        </div>
      </div>
      {tab === 'count' ? (
        <Suspense fallback={<p className="hint">Opening…</p>}><CountPanel /></Suspense>
      ) : (
        <>
          <div className="toolbar filters" role="search">
            <input
              name="search"
              type="search"
              aria-label="Search items"
              placeholder="Search name, SKU or barcode"
              value={filter.search}
              onChange={(e) => inventory.setFilter({ search: e.target.value })}
            />
            <select aria-label="Site" value={filter.siteId} onChange={(e) => inventory.setFilter({ siteId: e.target.value })}>
              <option value="">All sites</option>
              {sites.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
            <select aria-label="Type" value={filter.type} onChange={(e) => inventory.setFilter({ type: e.target.value as ItemType | '' })}>
              <option value="">All types</option>
              {Object.entries(typeLabels).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
            <select aria-label="Active" value={filter.active} onChange={(e) => inventory.setFilter({ active: e.target.value as InventoryFilter['active'] })}>
              <option value="active">Active</option>
              <option value="inactive">Inactive</option>
              <option value="all">Active and inactive</option>
            </select>
            <span className="count-label" role="status">{inventory.current ? `${inventory.total.toLocaleString('en-US')} items` : 'Searching…'}</span>
            <KeyButton shortcut={shortcuts.new} what="New item" onClick={() => detail.setDialog('create')}>New item…</KeyButton>
            <ExportButton list="items" filter={listFilterOf(filter)} fallback={itemSortDefault} />
          </div>
          <ScanField label="Scan to find" onScan={scan} />
          {inventory.error && <p role="alert" className="error">{inventory.error.message}</p>}
          <div className="split">
            <ItemList selectedId={item?.id ?? null} onOpen={(row) => void detail.open(row.id)} />
            {item ? <Suspense fallback={<NoItem opening />}><ItemDetailPanel /></Suspense> : <NoItem opening={detail.loading} />}
          </div>
        </>
      )}
      <Suspense fallback={null}>
        {detail.dialog === 'create' && <ItemForm item={null} />}
        {detail.dialog === 'edit' && item && <ItemForm item={item} />}
        {detail.dialog === 'adjust' && item && <AdjustDialog item={item} siteId={filter.siteId} />}
        {detail.dialog === 'transfer' && item && <TransferDialog item={item} siteId={filter.siteId} />}
      </Suspense>
    </section>
  );
}
