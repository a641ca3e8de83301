/**
 * The item list, virtualised: only the rows in view exist in the page, and the pages of items behind
 * them are fetched as they scroll into view. Arrow keys move, Enter opens.
 */
import { useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Item } from '../../src-shared/ipc';
import { itemSortDefault, rowAt, useInventory } from './store';
import { SortHeader } from '../ui/SortHeader';
import { useSites } from '../ui/sites';

const itemHeads: { label: string; sort?: 'name' | 'sku' | 'barcode' | 'type' | 'onHand'; num?: boolean }[] = [
  { label: 'Name', sort: 'name' },
  { label: 'SKU', sort: 'sku' },
  { label: 'Barcode', sort: 'barcode' },
  { label: 'Type', sort: 'type' },
  { label: 'On hand', sort: 'onHand', num: true },
];

const rowHeight = 34;

export const typeLabels: Record<Item['type'], string> = {
  inventory: 'Inventory',
  nonInventory: 'Non-inventory',
  service: 'Service',
  equipment: 'Equipment',
};

export function ItemList(props: { selectedId: string | null; onOpen: (item: Item) => void }) {
  const { total, pages, current, generation, ensureRows, setFilter, filter } = useInventory();
  // With a site chosen, the on-hand column is that site's, and says so.
  const siteName = useSites((x) => x.sites.find((site) => site.id === filter.siteId)?.name ?? null);
  const heads = itemHeads.map((h) => (h.sort === 'onHand' && siteName ? { ...h, label: `On hand at ${siteName}` } : h));
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total > 0) ensureRows(first, last);
  }, [first, last, total, generation, current, ensureRows]);
  // A new filter starts at the top.
  useEffect(() => {
    setActive(0);
    scroller.current?.scrollTo({ top: 0 });
  }, [generation]);

  const move = (to: number) => {
    const index = Math.max(0, Math.min(total - 1, to));
    setActive(index);
    virtualizer.scrollToIndex(index);
  };

  return (
    <div className="item-list">
      <div className="item-row head">
        {heads.map((h) => h.sort
          ? <SortHeader key={h.label} as="span" list="items" sort={h.sort} label={h.label} className={h.num ? 'num' : undefined} fallback={itemSortDefault} onSort={() => setFilter({})} />
          : <span key={h.label}>{h.label}</span>)}
      </div>
      <div
        ref={scroller}
        className="vlist"
        role="listbox"
        aria-label="Items"
        aria-busy={!current}
        tabIndex={0}
        aria-activedescendant={total > 0 ? `item-row-${active}` : undefined}
        onKeyDown={(e) => {
          const pageRows = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 340) / rowHeight) - 1);
          if (e.key === 'ArrowDown') move(active + 1);
          else if (e.key === 'ArrowUp') move(active - 1);
          else if (e.key === 'PageDown') move(active + pageRows);
          else if (e.key === 'PageUp') move(active - pageRows);
          else if (e.key === 'Home') move(0);
          else if (e.key === 'End') move(total - 1);
          else if (e.key === 'Enter') {
            const item = rowAt(pages, active);
            if (item) props.onOpen(item);
          } else return;
          e.preventDefault();
        }}
      >
        <div className="vlist-inner" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((row) => {
            const item = rowAt(pages, row.index);
            const classes = ['item-row', row.index === active ? 'active' : '', item && item.id === props.selectedId ? 'selected' : '', item && !item.active ? 'inactive' : '', item?.lowStock ? 'low' : ''];
            return (
              <div
                key={row.key}
                id={`item-row-${row.index}`}
                role="option"
                aria-selected={Boolean(item && item.id === props.selectedId)}
                className={classes.filter(Boolean).join(' ')}
                style={{ transform: `translateY(${row.start}px)`, height: rowHeight }}
                onClick={() => {
                  setActive(row.index);
                  if (item) props.onOpen(item);
                }}
              >
                {item ? (
                  <>
                    <span className="name" title={item.name}>{item.name}{!item.active && <span className="badge"> inactive</span>}</span>
                    <span title={item.sku ?? undefined}>{item.sku ?? ''}</span>
                    <span title={item.barcodes.join(', ') || undefined}>{item.barcodes[0] ?? ''}{item.barcodes.length > 1 ? ` +${item.barcodes.length - 1}` : ''}</span>
                    <span title={typeLabels[item.type]}>{typeLabels[item.type]}</span>
                    <span className="num" title={item.lowStock ? 'Low stock: at or below its reorder point' : undefined}>{item.type === 'inventory' ? item.onHand : '—'}{item.lowStock && <span className="low-mark"> low</span>}</span>
                  </>
                ) : (
                  <span className="hint">Loading…</span>
                )}
              </div>
            );
          })}
        </div>
        {current && total === 0 && <p className="hint empty">No items match.</p>}
      </div>
    </div>
  );
}
