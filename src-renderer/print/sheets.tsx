/** The printed documents: each is one `<article class="print-sheet">`, laid out for A4 and Letter by print.css. */
import type { Address, BinLabels, CountSheet, ItemLabels, PackingSlip, PickSheet, PurchaseOrderSheet } from '../../src-shared/ipc';
import { money, when } from '../ui/format';
import { Barcode } from './Barcode';

function AddressLines({ address }: { address: Address }) {
  const cityLine = [address.city, address.state, address.postalCode].filter(Boolean).join(' ');
  const lines = [address.line1, address.line2, address.line3, cityLine, address.country].filter(Boolean);
  return <>{lines.map((l, i) => <div key={i}>{l}</div>)}</>;
}

function Head(props: { title: string; children?: React.ReactNode; printedAt?: string }) {
  return (
    <header className="sheet-head">
      <div>
        <h1>{props.title}</h1>
        {props.children}
      </div>
      {props.printedAt && <p className="sheet-date">Printed {when(props.printedAt)}</p>}
    </header>
  );
}

export function PickListSheet({ sheet }: { sheet: PickSheet }) {
  return (
    <article className="print-sheet" aria-label={`Pick list ${sheet.number}`}>
      <Head title={`Pick list ${sheet.number}`} printedAt={sheet.printedAt}>
        <p>{sheet.customerName} · from {sheet.siteName}</p>
      </Head>
      {sheet.note && <p className="sheet-note">{sheet.note}</p>}
      {sheet.lines.length === 0 ? <p>Nothing is left to pick on this order.</p> : (
        <table className="sheet-lines" aria-label="Pick lines">
          <thead><tr><th>Bin</th><th>Item</th><th className="num">Qty</th><th>Barcode</th><th className="tick">Picked</th></tr></thead>
          <tbody>
            {sheet.lines.map((l) => (
              <tr key={l.lineId}>
                <td className="bin">{l.bin ?? 'no bin'}</td>
                <td>{l.itemName}{l.sku && <div className="sub">SKU {l.sku}</div>}</td>
                <td className="num">{l.qty}{l.unit && ` ${l.unit}`}</td>
                <td><Barcode barcode={l.barcode} heightMm={9} /></td>
                <td className="tick">☐</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

export function PackingSlipSheet({ sheet }: { sheet: PackingSlip }) {
  const cancelled = sheet.lines.some((l) => Number(l.cancelled) !== 0);
  return (
    <article className="print-sheet" aria-label={`Packing slip ${sheet.number}`}>
      <Head title={`Packing slip ${sheet.number}`} printedAt={sheet.printedAt}>
        <div className="sheet-address"><strong>Ship to</strong><div>{sheet.customerName}</div><AddressLines address={sheet.shipTo} /></div>
      </Head>
      {sheet.note && <p className="sheet-note">{sheet.note}</p>}
      <table className="sheet-lines" aria-label="Packed lines">
        <thead><tr><th>Item</th><th>SKU</th><th className="num">Ordered</th><th className="num">Packed</th><th className="num">To follow</th>{cancelled && <th className="num">Cancelled</th>}</tr></thead>
        <tbody>
          {sheet.lines.map((l) => (
            <tr key={l.lineId}>
              <td>{l.itemName}</td><td>{l.sku ?? ''}</td><td className="num">{l.ordered}</td><td className="num">{l.packed}</td>
              <td className="num">{Number(l.toFollow) === 0 ? '' : l.toFollow}</td>{cancelled && <td className="num">{Number(l.cancelled) === 0 ? '' : l.cancelled}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

export function PurchaseOrderPrint({ sheet }: { sheet: PurchaseOrderSheet }) {
  return (
    <article className="print-sheet" aria-label={`Purchase order ${sheet.number}`}>
      <Head title={`Purchase order ${sheet.number}`} printedAt={sheet.printedAt}>
        <div className="sheet-address"><strong>To</strong><div>{sheet.vendorName}</div><AddressLines address={sheet.vendorAddress} /></div>
        <p>Deliver to {sheet.siteName}{sheet.expectedDate && ` by ${sheet.expectedDate}`}</p>
      </Head>
      {sheet.note && <p className="sheet-note">{sheet.note}</p>}
      <table className="sheet-lines" aria-label="Purchase order lines">
        <thead><tr><th>Item</th><th>SKU</th><th className="num">Qty</th><th className="num">Unit cost</th><th className="num">Amount</th></tr></thead>
        <tbody>
          {sheet.lines.map((l) => (
            <tr key={l.lineId}>
              <td>{l.itemName}</td><td>{l.sku ?? ''}</td><td className="num">{l.ordered}{l.unit && ` ${l.unit}`}</td>
              <td className="num">{money(l.unitCostCents)}</td><td className="num">{money(l.amountCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot><tr><td colSpan={4}>Total</td><td className="num">{money(sheet.totalCents)}</td></tr></tfoot>
      </table>
    </article>
  );
}

export function CountSheetPrint({ sheet }: { sheet: CountSheet }) {
  const where = sheet.binCode ? `${sheet.siteName}, bin ${sheet.binCode}` : sheet.siteName;
  return (
    <article className="print-sheet" aria-label={`Count sheet ${where}`}>
      <Head title={`Count sheet: ${where}`} printedAt={sheet.printedAt}>
        <p>{sheet.blind ? 'Blind count: write what you find; the expected quantity is not shown.' : 'Expected is the on-hand quantity at the site when printed.'}</p>
      </Head>
      {sheet.lines.length === 0 ? <p>No items to count here.</p> : (
        <table className="sheet-lines" aria-label="Count lines">
          <thead><tr><th>Bin</th><th>Item</th><th>Barcode</th>{!sheet.blind && <th className="num">Expected</th>}<th className="write">Counted</th></tr></thead>
          <tbody>
            {sheet.lines.map((l) => (
              <tr key={l.itemId}>
                <td className="bin">{l.bin ?? 'no bin'}</td>
                <td>{l.itemName}{l.sku && <div className="sub">SKU {l.sku}</div>}</td>
                <td><Barcode barcode={l.barcode} heightMm={8} /></td>
                {!sheet.blind && <td className="num">{l.expected}{l.unit && ` ${l.unit}`}</td>}
                <td className="write" />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="sheet-sign">Counted by ____________________ Date __________</p>
    </article>
  );
}

export function ItemLabelsPrint({ sheet }: { sheet: ItemLabels }) {
  const copies = Array.from({ length: sheet.copies }, (_, i) => i);
  return (
    <article className="print-sheet labels" aria-label="Item labels">
      <h1 className="screen-only">Item labels</h1>
      <div className="label-grid">
        {sheet.labels.flatMap((l) => copies.map((c) => (
          <section key={`${l.itemId}-${c}`} className="label" aria-label={`Label ${l.itemName}`}>
            <strong title={l.itemName}>{l.itemName}</strong>
            <div className="sub">{[l.sku && `SKU ${l.sku}`, l.bin && `Bin ${l.bin}`].filter(Boolean).join(' · ')}</div>
            <Barcode barcode={l.barcode} heightMm={12} />
          </section>
        )))}
      </div>
    </article>
  );
}

export function BinLabelsPrint({ sheet }: { sheet: BinLabels }) {
  return (
    <article className="print-sheet labels" aria-label={`Bin labels ${sheet.siteName}`}>
      <h1 className="screen-only">Bin labels: {sheet.siteName}</h1>
      {sheet.labels.length === 0 && <p>{sheet.siteName} has no bins yet.</p>}
      <div className="label-grid">
        {sheet.labels.map((l) => (
          <section key={l.code} className="label bin-label" aria-label={`Bin ${l.code}`}>
            <strong className="bin-code">{l.code}</strong>
            <div className="sub">{sheet.siteName}</div>
            <Barcode barcode={l.barcode} heightMm={14} />
          </section>
        ))}
      </div>
    </article>
  );
}
