/**
 * A print view: the toolbar (screen only) and the sheet. Print goes through the ShelfSync window
 * (app.print: the system's print dialog, or Save as PDF with the save dialog); in a browser it is the
 * browser's own print, whose dialog can also save a PDF.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AppErrorData, Result } from '../../src-shared/ipc';
import { api } from '../api/client';
import type { PrintRoute } from './route';
import { BinLabelsPrint, CountSheetPrint, ItemLabelsPrint, PackingSlipSheet, PickListSheet, PurchaseOrderPrint } from './sheets';
import './print.css';

interface Loaded {
  title: string;
  /** The file name Save as PDF suggests. */
  file: string;
  sheet: ReactNode;
}

const param = (route: PrintRoute, key: string) => route.params.get(key) ?? '';
const optional = (route: PrintRoute, key: string) => route.params.get(key) ?? undefined;

function then<T>(result: Result<T>, make: (value: T) => Loaded): Loaded | AppErrorData {
  return result.ok ? make(result.value) : result.error;
}

/** Loads what the route names through the contract. */
async function load(route: PrintRoute): Promise<Loaded | AppErrorData> {
  switch (route.kind) {
    case 'pickList':
      return then(await api.call('print.pickList', { orderId: param(route, 'orderId') }), (s) => ({ title: `Pick list ${s.number}`, file: `pick-list-${s.number}`, sheet: <PickListSheet sheet={s} /> }));
    case 'packingSlip':
      return then(await api.call('print.packingSlip', { orderId: param(route, 'orderId') }), (s) => ({ title: `Packing slip ${s.number}`, file: `packing-slip-${s.number}`, sheet: <PackingSlipSheet sheet={s} /> }));
    case 'purchaseOrder':
      return then(await api.call('print.purchaseOrder', { purchaseOrderId: param(route, 'purchaseOrderId') }), (s) => ({ title: `Purchase order ${s.number}`, file: `purchase-order-${s.number}`, sheet: <PurchaseOrderPrint sheet={s} /> }));
    case 'countSheet': {
      const binCode = optional(route, 'binCode');
      const input = { siteId: param(route, 'siteId'), blind: route.params.get('blind') === '1', ...(binCode ? { binCode } : {}) };
      return then(await api.call('print.countSheet', input), (s) => ({ title: `Count sheet${s.blind ? ' (blind)' : ''}`, file: `count-sheet-${s.siteName}${s.binCode ? `-${s.binCode}` : ''}`, sheet: <CountSheetPrint sheet={s} /> }));
    }
    case 'itemLabels': {
      const siteId = optional(route, 'siteId');
      const input = { itemIds: route.params.getAll('itemIds'), copies: Number(route.params.get('copies') ?? 1), ...(siteId ? { siteId } : {}) };
      return then(await api.call('print.itemLabels', input), (s) => ({ title: 'Item labels', file: 'item-labels', sheet: <ItemLabelsPrint sheet={s} /> }));
    }
    case 'binLabels': {
      const codes = route.params.getAll('codes');
      return then(await api.call('print.binLabels', { siteId: param(route, 'siteId'), ...(codes.length > 0 ? { codes } : {}) }), (s) => ({ title: `Bin labels: ${s.siteName}`, file: `bin-labels-${s.siteName}`, sheet: <BinLabelsPrint sheet={s} /> }));
    }
  }
}

function usePrintData(route: PrintRoute) {
  const [state, setState] = useState<Loaded | AppErrorData | null>(null);
  const key = `${route.kind}?${route.params.toString()}`;
  useEffect(() => {
    let current = true;
    setState(null);
    void load(route).then((loaded) => current && setState(loaded));
    return () => {
      current = false;
    };
    // The route object is new on every render; its text (key) says what to load.
  }, [key]);
  return state;
}

function usePrinting(): boolean | null {
  const [printing, setPrinting] = useState<boolean | null>(null);
  useEffect(() => {
    void api.call('app.info', {}).then((r) => setPrinting(r.ok && r.value.printing));
  }, []);
  return printing;
}

/** Item labels: how many of each, changed on the print view (the route keeps it, so Back and reload agree). */
function Copies({ route }: { route: PrintRoute }) {
  const [text, setText] = useState(route.params.get('copies') ?? '1');
  const apply = () => {
    const params = new URLSearchParams(route.params);
    params.set('copies', text.trim() || '1');
    location.hash = `print/${route.kind}?${params.toString()}`;
  };
  return (
    <form className="inline" onSubmit={(e) => { e.preventDefault(); apply(); }}>
      <label className="inline">Copies of each <input className="num" name="copies" inputMode="numeric" size={3} value={text} onChange={(e) => setText(e.target.value)} /></label>{' '}
      <button type="submit" className="secondary">Show</button>
    </form>
  );
}

export function PrintScreen({ route }: { route: PrintRoute }) {
  const state = usePrintData(route);
  const printing = usePrinting();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const back = () => {
    location.hash = route.from || 'inventory';
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !document.querySelector('dialog[open]')) back();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  const loaded = state && 'sheet' in state ? state : null;
  // Once the sheet is there the keyboard is on Print: Enter prints, Escape goes back.
  const printButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (loaded) printButton.current?.focus();
  }, [loaded]);
  const print = async (pdf: boolean) => {
    if (!printing) return window.print();
    const result = await api.call('app.print', { pdf, name: loaded?.file.replace(/[\\/:*?"<>|]/g, '-') ?? 'shelfsync-print' });
    if (!result.ok) return setNotice({ ok: false, text: result.error.message });
    const { printed, file } = result.value;
    setNotice({ ok: printed, text: file ? `Saved as PDF: ${file}.` : printed ? 'Sent to the printer.' : pdf ? 'No PDF was saved.' : 'Printing was cancelled.' });
  };
  return (
    <section className="print-view" aria-label="Print view">
      <div className="print-controls screen-head">
        {/* The sheet carries the page's heading; this one stands in until it has loaded. */}
        {!loaded && <h1>Print</h1>}
        <div className="toolbar">
          <button type="button" className="secondary" onClick={back} title="Escape">Back</button>
          <button type="button" ref={printButton} disabled={!loaded} onClick={() => void print(false)}>Print</button>
          {printing && <button type="button" className="secondary" disabled={!loaded} onClick={() => void print(true)}>Save as PDF…</button>}
          {route.kind === 'itemLabels' && <Copies route={route} />}
        </div>
        {printing === false && <p className="hint">In a browser, Print opens the browser’s print dialog; to save a PDF choose “Save as PDF” as the printer there. A4 or Letter is set in that dialog.</p>}
        {notice && <p role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'ok' : 'error'}>{notice.text}</p>}
      </div>
      {state === null && <p className="hint">Loading…</p>}
      {state && !('sheet' in state) && <p role="alert" className="error">{state.message}</p>}
      {loaded?.sheet}
    </section>
  );
}
