/** The open item: what it is, how many are where, and every movement that got it there. */
import type { Movement } from '../../src-shared/ipc';
import { money, shortWhen } from '../ui/format';
import { movementSortDefault, useItemDetail } from './detailStore';
import { ExportButton } from '../ui/ExportButton';
import { SortHeader } from '../ui/SortHeader';
import { typeLabels } from './ItemList';
import { ReorderPanel } from '../reorder/ReorderPanel';
import { BinsPanel } from './BinsPanel';
import { openPrint } from '../print/route';
import { StockChart } from './StockChart';

const kindLabels: Record<Movement['kind'], string> = {
  receipt: 'Received',
  pick: 'Picked',
  adjustment: 'Adjusted',
  count: 'Counted',
  transfer: 'Transfer',
  import: 'Imported',
};

export function ItemDetailPanel() {
  const d = useItemDetail();
  const item = d.detail;
  if (!item) return <aside className="detail empty hint">{d.loading ? 'Opening…' : 'Choose an item, or scan its barcode.'}</aside>;
  const stocked = item.type === 'inventory';
  const head = (sort: string, label: string, className?: string) => (
    <SortHeader list="movements" sort={sort} label={label} fallback={movementSortDefault} onSort={() => void d.show(item)} {...(className ? { className } : {})} />
  );
  return (
    <aside className="detail" aria-label={`Item ${item.name}`}>
      <div className="detail-head">
        <h2>{item.name}</h2>
        <button type="button" className="secondary small" aria-label="Close item" title="Close item (Escape)" data-close onClick={d.close}>✕</button>
      </div>
      <dl className="facts">
        <dt>SKU</dt><dd>{item.sku ?? '—'}</dd>
        <dt>Barcodes</dt><dd>{item.barcodes.join(', ') || '—'}</dd>
        <dt>Type</dt><dd>{typeLabels[item.type]}{item.active ? '' : ' (inactive)'}</dd>
        <dt>Price / cost</dt><dd>{money(item.priceCents)} / {money(item.costCents)}{item.unit ? ` per ${item.unit}` : ''}</dd>
        {stocked && <><dt>Reorder at</dt><dd>{item.reorderPoint}</dd></>}
        {item.description && <><dt>Description</dt><dd>{item.description}</dd></>}
      </dl>
      <div className="actions toolbar">
        {stocked && <button type="button" onClick={() => d.setDialog('adjust')}>Adjust…</button>}
        {stocked && <button type="button" className="secondary" onClick={() => d.setDialog('transfer')}>Transfer…</button>}
        <button type="button" className="secondary" onClick={() => d.setDialog('edit')}>Edit…</button>
        <button type="button" className="secondary" onClick={() => openPrint('itemLabels', { itemIds: [item.id] })}>Print label…</button>
      </div>
      {d.notice && <p role="status" className="ok notice">{d.notice}</p>}
      {d.error && <p role="alert" className="error">{d.error.message}</p>}
      {stocked && (
        <table aria-label="On hand by site">
          <thead><tr><th>Site</th><th className="num">On hand</th></tr></thead>
          <tbody>
            {item.levels.map((l) => <tr key={l.siteId}><td>{l.siteName}</td><td className="num">{l.onHand}</td></tr>)}
            <tr className="total"><td>All sites</td><td className="num">{item.onHand}</td></tr>
          </tbody>
        </table>
      )}
      {stocked && <StockChart itemId={item.id} sites={item.levels} version={d.movementsTotal} />}
      {stocked && <ReorderPanel itemId={item.id} version={item.updatedAt} />}
      {stocked && <BinsPanel itemId={item.id} />}
      <h3>Movements <ExportButton list="movements" filter={{ itemId: item.id }} fallback={movementSortDefault} /></h3>
      {d.movements.length === 0 ? (
        <p className="hint">No stock has moved yet.</p>
      ) : (
        <table aria-label="Movements">
          <thead><tr>{head('at', 'When')}{head('kind', 'What')}{head('site', 'Site')}{head('bin', 'Bin')}{head('qty', 'Change', 'num')}{head('balanceAfter', 'Then', 'num')}{head('why', 'Why')}</tr></thead>
          <tbody>
            {d.movements.map((m) => (
              <tr key={m.id}>
                <td>{shortWhen(m.at)}</td>
                <td>{kindLabels[m.kind]}</td>
                <td>{m.siteName}</td>
                <td>{m.binCode ?? ''}</td>
                <td className="num">{m.qty.startsWith('-') ? m.qty : `+${m.qty}`}</td>
                <td className="num">{m.balanceAfter}</td>
                <td>{[m.reason, m.note, m.documentType && `${m.documentType}`].filter(Boolean).join(' · ')} <span className="hint">{m.by}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {d.movements.length < d.movementsTotal && (
        <button type="button" className="secondary" onClick={() => void d.moreMovements()}>
          Show more ({d.movementsTotal - d.movements.length} older)
        </button>
      )}
    </aside>
  );
}
