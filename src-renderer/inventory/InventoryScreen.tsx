/** Inventory: every item with its on-hand (all sites or one), search and filters, the open item, counts. */
import { useEffect, useState } from 'react';
import type { ItemType } from '../../src-shared/ipc';
import { api } from '../api/client';
import { ScanField } from '../ui/ScanField';
import { useSites } from '../ui/sites';
import { CountPanel } from './CountPanel';
import { useItemDetail } from './detailStore';
import { ItemDetailPanel } from './ItemDetailPanel';
import { ItemForm } from './ItemForm';
import { ItemList, typeLabels } from './ItemList';
import { AdjustDialog, TransferDialog } from './StockDialogs';
import { itemSortDefault, listFilterOf, useInventory, type InventoryFilter } from './store';
import { ExportButton } from '../ui/ExportButton';
import { KeyButton } from '../ui/KeyButton';
import { shortcuts, useShortcut } from '../ui/keyboard';
import './inventory.css';

export function InventoryScreen() {
  const [tab, setTab] = useState<'items' | 'count'>('items');
  useShortcut(shortcuts.count, () => setTab('count'));
  const inventory = useInventory();
  const detail = useItemDetail();
  const { sites, load: loadSites } = useSites();
  const filter = inventory.filter;

  useEffect(() => {
    void loadSites();
    if (inventory.generation === 0) inventory.setFilter({});
    else inventory.refresh();
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
        <CountPanel />
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
            <ItemDetailPanel />
          </div>
        </>
      )}
      {detail.dialog === 'create' && <ItemForm item={null} />}
      {detail.dialog === 'edit' && item && <ItemForm item={item} />}
      {detail.dialog === 'adjust' && item && <AdjustDialog item={item} siteId={filter.siteId} />}
      {detail.dialog === 'transfer' && item && <TransferDialog item={item} siteId={filter.siteId} />}
    </section>
  );
}
