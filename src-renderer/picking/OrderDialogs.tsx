/** Create a picking order by hand; close a partial order, or one settled in QuickBooks, with a reason. */
import { useState, type ReactNode } from 'react';
import type { AppErrorData, PickingOrder, Result } from '../../src-shared/ipc';
import { Dialog, DialogActions } from '../ui/Dialog';
import { errorFor, unplacedError } from '../ui/errors';
import { useFocusFirstError } from '../ui/focusError';
import { checkInput } from '../ui/validate';
import { Alert, Field, invalid } from '../ui/Field';
import { qtyText } from '../ui/format';
import { blankLine, LinesEditor, lineFields, type LineDraft } from '../ui/LinesEditor';
import { Lookup, type Option } from '../ui/Lookup';
import { searchCustomers, searchInventoryItems } from '../ui/lookups';
import { offeredSites, useSites } from '../ui/sites';
import { usePicking } from './store';

/** A new picking order, or (`editing`) a ShelfSync order written again before picking starts. */
export function CreateOrderDialog(props: { editing?: PickingOrder }) {
  const { create, update, setDialog } = usePicking();
  const sites = useSites((s) => s.sites);
  const editing = props.editing;
  const [customer, setCustomer] = useState<Option | null>(editing ? { id: editing.customerId, label: editing.customerName } : null);
  // The default site is chosen as '' (the order then goes to whatever site is the default).
  const [siteId, setSiteId] = useState(editing && !sites.find((s) => s.id === editing.siteId)?.isDefault ? editing.siteId : '');
  const [number, setNumber] = useState(editing?.number ?? '');
  const [note, setNote] = useState(editing?.note ?? '');
  const [lines, setLines] = useState<LineDraft[]>(
    editing ? editing.lines.map((l) => ({ ...blankLine(), item: { id: l.itemId, label: l.itemName }, qty: l.ordered })) : [blankLine()],
  );
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const err = (field: string) => errorFor(error, field);

  const formRef = useFocusFirstError(error);

  const submit = async () => {
    const fields = {
      customerId: customer?.id ?? '',
      siteId: siteId || undefined,
      note: note.trim() || null,
      lines: lines.map((l) => ({ itemId: l.item?.id ?? '', qty: qtyText(l.qty) })),
    };
    const input = editing ? { id: editing.id, ...fields } : { number: number.trim() || undefined, ...fields };
    const problem = checkInput(editing ? 'orders.update' : 'orders.create', input);
    if (problem) return setError(problem);
    setBusy(true);
    const result = editing ? await update({ id: editing.id, ...fields }) : await create({ number: number.trim() || undefined, ...fields });
    setBusy(false);
    if (!result.ok) setError(result.error);
  };

  return (
    <Dialog title={editing ? `Change order ${editing.number}` : 'New picking order'} wide onClose={() => setDialog(null)}>
      <form ref={formRef} noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Field label="Customer" error={err('customerId')}>
          <Lookup name="customerId" label="Customer" value={customer} onChange={setCustomer} search={searchCustomers} invalid={Boolean(err('customerId'))} />
        </Field>
        <Field label="Pick from site" error={err('siteId')}>
          <select name="siteId" value={siteId} onChange={(e) => setSiteId(e.target.value)}>
            {offeredSites(sites, editing?.siteId).map((s) => <option key={s.id} value={s.isDefault ? '' : s.id}>{s.name}</option>)}
          </select>
        </Field>
        <Field label="Order number" error={err('number')}>
          <input name="number" placeholder="automatic" value={number} disabled={editing !== undefined} {...invalid(err('number'))} onChange={(e) => setNumber(e.target.value)} />
        </Field>
        <Field label="Note" error={err('note')}><input name="note" value={note} onChange={(e) => setNote(e.target.value)} /></Field>
        <LinesEditor lines={lines} onChange={setLines} search={searchInventoryItems} error={error} />
        <Alert message={unplacedError(error, ['customerId', 'siteId', 'number', 'note', 'lines', ...lineFields(lines.length)])} />
        <DialogActions submit={editing ? 'Save changes' : 'Create order'} busy={busy} onCancel={() => setDialog(null)} />
      </form>
    </Dialog>
  );
}

/** A dialog that asks for an optional reason, then runs `act` with it on the open order. */
function ReasonDialog(props: {
  title: string;
  children: ReactNode;
  placeholder: string;
  submit: string;
  busyText: string;
  act: (reason: string) => Promise<Result<PickingOrder>>;
}) {
  const setDialog = usePicking((s) => s.setDialog);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useFocusFirstError(error);
  return (
    <Dialog title={props.title} onClose={() => setDialog(null)}>
      <form
        ref={formRef}
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void props.act(reason).then((result) => {
            setBusy(false);
            if (!result.ok) setError(result.error);
          });
        }}
      >
        {props.children}
        <Field label="Reason" error={errorFor(error, 'reason')}>
          <input name="reason" placeholder={props.placeholder} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <Alert message={unplacedError(error, ['reason'])} />
        <DialogActions submit={props.submit} busy={busy} busyText={props.busyText} danger onCancel={() => setDialog(null)} />
      </form>
    </Dialog>
  );
}

export function CloseOrderDialog() {
  const { order, close } = usePicking();
  if (!order) return null;
  const left = order.lines.filter((l) => Number(l.remaining) > 0);
  return (
    <ReasonDialog title={`Close order ${order.number}`} placeholder="e.g. customer cancelled the rest" submit="Close order" busyText="Closing…" act={close}>
      <p>Nothing more will be picked on this order. What is still to pick is cancelled:</p>
      <ul>{left.map((l) => <li key={l.id}>{l.remaining} × {l.itemName}</li>)}</ul>
      <p className="hint">What was picked goes to invoicing.</p>
    </ReasonDialog>
  );
}

export function SettleOrderDialog() {
  const { order, settle } = usePicking();
  if (!order) return null;
  return (
    <ReasonDialog
      title={`Settle order ${order.number} in QuickBooks`}
      placeholder="e.g. invoiced by the office in QuickBooks"
      submit="Close as settled in QuickBooks"
      busyText="Closing…"
      act={settle}
    >
      <p>Use this when the order was dealt with in QuickBooks (invoiced, closed or changed there) and ShelfSync should send nothing more for it.</p>
      <p className="hint">What was picked stays taken from stock; what was not picked is cancelled. The order is closed here.</p>
    </ReasonDialog>
  );
}
