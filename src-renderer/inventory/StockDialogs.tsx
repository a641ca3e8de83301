/** Adjust an item's stock at a site (a reason is required), or move stock between two sites. */
import { useState } from 'react';
import type { AppErrorData, ItemDetail } from '../../src-shared/ipc';
import { useFocusFirstError } from '../ui/focusError';
import { checkInput } from '../ui/validate';
import { Dialog, DialogActions } from '../ui/Dialog';
import { errorFor, unplacedError } from '../ui/errors';
import { Alert, Field, invalid } from '../ui/Field';
import { qtyText } from '../ui/format';
import { offeredSites, useSites } from '../ui/sites';
import { useItemDetail } from './detailStore';

const reasons = ['damaged', 'found', 'lost', 'stolen', 'expired', 'correction', 'opening stock'];

export function AdjustDialog(props: { item: ItemDetail; siteId: string }) {
  const { adjust, setDialog } = useItemDetail();
  const sites = useSites((s) => s.sites);
  const [siteId, setSiteId] = useState(props.siteId || sites.find((s) => s.isDefault)?.id || '');
  const [change, setChange] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const formRef = useFocusFirstError(error);
  const [busy, setBusy] = useState(false);
  const err = (field: string) => errorFor(error, field);
  const onHand = props.item.levels.find((l) => l.siteId === siteId)?.onHand ?? '0';

  const submit = async () => {
    setBusy(true);
    const result = await adjust({ itemId: props.item.id, siteId: siteId || undefined, qtyDiff: qtyText(change).replace(/^\+/, ''), reason, note: note.trim() || null });
    setBusy(false);
    if (!result.ok) setError(result.error);
  };

  return (
    <Dialog title={`Adjust ${props.item.name}`} onClose={() => setDialog(null)}>
      <form ref={formRef} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Field label="Site" error={err('siteId')}>
          <select name="siteId" value={siteId} onChange={(e) => setSiteId(e.target.value)}>
            {offeredSites(sites, siteId).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </Field>
        <p className="hint">On hand there now: {onHand}</p>
        <Field label="Change (+ adds, − removes)" error={err('qtyDiff')}>
          <input name="qtyDiff" inputMode="decimal" placeholder="e.g. -2 or 5" value={change} {...invalid(err('qtyDiff'))} onChange={(e) => setChange(e.target.value)} />
        </Field>
        <Field label="Reason" error={err('reason')}>
          <input name="reason" list="adjust-reasons" value={reason} {...invalid(err('reason'))} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <datalist id="adjust-reasons">{reasons.map((r) => <option key={r} value={r} />)}</datalist>
        <Field label="Note" error={err('note')}><input name="note" value={note} onChange={(e) => setNote(e.target.value)} /></Field>
        <Alert message={unplacedError(error, ['siteId', 'qtyDiff', 'reason', 'note'])} />
        <DialogActions submit="Adjust stock" busy={busy} onCancel={() => setDialog(null)} />
      </form>
    </Dialog>
  );
}

export function TransferDialog(props: { item: ItemDetail; siteId: string }) {
  const { transfer, setDialog } = useItemDetail();
  const sites = useSites((s) => s.sites);
  const [from, setFrom] = useState(props.siteId || sites.find((s) => s.isDefault)?.id || '');
  // The destination is a choice the clerk makes, never a guess.
  const [to, setTo] = useState('');
  const [qty, setQty] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const formRef = useFocusFirstError(error);
  const [busy, setBusy] = useState(false);
  const err = (field: string) => errorFor(error, field);
  const levelAt = (id: string) => props.item.levels.find((l) => l.siteId === id)?.onHand ?? '0';

  const submit = async () => {
    const input = { itemId: props.item.id, fromSiteId: from, toSiteId: to, qty: qtyText(qty), note: note.trim() || null };
    const problem = checkInput('stock.transfer', input);
    if (problem) return setError(problem);
    setBusy(true);
    const result = await transfer(input);
    setBusy(false);
    if (!result.ok) setError(result.error);
  };

  return (
    <Dialog title={`Transfer ${props.item.name}`} onClose={() => setDialog(null)}>
      <form ref={formRef} noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        {offeredSites(sites, from).length < 2 && <p className="hint">There is only one site; add another site to transfer stock.</p>}
        <Field label="From site" error={err('fromSiteId')}>
          <select name="fromSiteId" value={from} onChange={(e) => setFrom(e.target.value)}>
            {offeredSites(sites, from).map((s) => <option key={s.id} value={s.id}>{s.name} ({levelAt(s.id)} on hand)</option>)}
          </select>
        </Field>
        <Field label="To site" error={err('toSiteId')}>
          <select name="toSiteId" value={to} {...invalid(err('toSiteId'))} onChange={(e) => setTo(e.target.value)}>
            <option value="">— choose the site —</option>
            {offeredSites(sites).filter((s) => s.id !== from).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </Field>
        <Field label="Quantity" error={err('qty')}>
          <input name="qty" inputMode="decimal" value={qty} {...invalid(err('qty'))} onChange={(e) => setQty(e.target.value)} />
        </Field>
        <Field label="Note" error={err('note')}><input name="note" value={note} onChange={(e) => setNote(e.target.value)} /></Field>
        <Alert message={unplacedError(error, ['fromSiteId', 'toSiteId', 'qty', 'note'])} />
        <DialogActions submit="Transfer stock" busy={busy} onCancel={() => setDialog(null)} />
      </form>
    </Dialog>
  );
}
