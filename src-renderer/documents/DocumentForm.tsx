/** Write an invoice or a sales estimate by hand, or change an invoice not yet ready: customer, dates, lines. */
import { useState } from 'react';
import type { AppErrorData, Estimate, FieldIssue, Invoice } from '../../src-shared/ipc';
import { Dialog, DialogActions } from '../ui/Dialog';
import { errorFor, unplacedError } from '../ui/errors';
import { useFocusFirstError } from '../ui/focusError';
import { checkInput } from '../ui/validate';
import { Alert, Field, invalid } from '../ui/Field';
import { parseMoney, qtyText, today } from '../ui/format';
import { blankLine, LinesEditor, lineFields, type LineDraft } from '../ui/LinesEditor';
import { Lookup, type Option } from '../ui/Lookup';
import { searchCustomers, searchItems } from '../ui/lookups';
import { useDocuments } from './store';

/** The lines of a document as the editor holds them (an item line is labelled by its description). */
function draftsOf(doc: Invoice | Estimate): LineDraft[] {
  return doc.lines.map((l) => ({
    ...blankLine(),
    item: l.itemId ? { id: l.itemId, label: l.description ?? l.itemId } : null,
    description: l.itemId ? '' : (l.description ?? ''),
    qty: l.qty,
    price: (l.unitPriceCents / 100).toFixed(2),
  }));
}

export function DocumentForm(props: { kind: 'invoice' | 'estimate'; editing?: Invoice | Estimate }) {
  const { createInvoice, updateInvoice, createEstimate, updateEstimate, setDialog } = useDocuments();
  const invoice = props.kind === 'invoice';
  const editing = props.editing;
  const [customer, setCustomer] = useState<Option | null>(editing ? { id: editing.customerId, label: editing.customerName } : null);
  const [number, setNumber] = useState(editing?.number ?? '');
  const [date, setDate] = useState(editing?.date ?? today());
  const [until, setUntil] = useState((editing && ('dueDate' in editing ? editing.dueDate : editing.expirationDate)) ?? '');
  const [note, setNote] = useState(editing?.note ?? '');
  const [lines, setLines] = useState<LineDraft[]>(editing ? draftsOf(editing) : [blankLine()]);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const err = (field: string) => errorFor(error, field);
  const untilField = invoice ? 'dueDate' : 'expirationDate';

  const formRef = useFocusFirstError(error);

  const submit = async () => {
    const payload = [];
    const local: FieldIssue[] = [];
    for (const [i, l] of lines.entries()) {
      const cents = l.price.trim() ? parseMoney(l.price) : undefined;
      if (cents === null) local.push({ message: 'Enter the unit price as an amount like 12.50.', field: `lines.${i}.unitPriceCents` });
      payload.push({ itemId: l.item?.id ?? null, description: l.description.trim() || null, qty: qtyText(l.qty), ...(typeof cents === 'number' ? { unitPriceCents: cents } : {}) });
    }
    const common = { customerId: customer?.id ?? '', number: number.trim() || undefined, date: date || undefined, note: note.trim() || null, lines: payload };
    const request = invoice ? (editing ? 'invoices.update' : 'invoices.create') : editing ? 'estimates.update' : 'estimates.create';
    const problem = checkInput(request, { ...(editing ? { id: editing.id } : {}), ...common, [untilField]: until || null }, local);
    if (problem) return setError(problem);
    setBusy(true);
    const result = invoice
      ? await (editing ? updateInvoice({ id: editing.id, ...common, dueDate: until || null }) : createInvoice({ ...common, dueDate: until || null }))
      : await (editing
          ? updateEstimate({ id: editing.id, ...common, expirationDate: until || null })
          : createEstimate({ ...common, expirationDate: until || null }));
    setBusy(false);
    if (!result.ok) setError(result.error);
  };

  return (
    <Dialog title={editing ? `Change ${invoice ? 'invoice' : 'estimate'} ${editing.number}` : invoice ? 'New invoice' : 'New estimate'} wide onClose={() => setDialog(null)}>
      <form ref={formRef} noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Field label="Customer" error={err('customerId')}>
          <Lookup name="customerId" label="Customer" value={customer} onChange={setCustomer} search={searchCustomers} invalid={Boolean(err('customerId'))} />
        </Field>
        <Field label="Number" error={err('number')}>
          <input name="number" placeholder="automatic" value={number} {...invalid(err('number'))} onChange={(e) => setNumber(e.target.value)} />
        </Field>
        <Field label="Date" error={err('date')}>
          <input name="date" type="date" value={date} {...invalid(err('date'))} onChange={(e) => setDate(e.target.value)} />
        </Field>
        <Field label={invoice ? 'Due' : 'Expires'} error={err(untilField)}>
          <input name={untilField} type="date" value={until} {...invalid(err(untilField))} onChange={(e) => setUntil(e.target.value)} />
        </Field>
        <Field label="Note" error={err('note')}><input name="note" value={note} onChange={(e) => setNote(e.target.value)} /></Field>
        <LinesEditor lines={lines} onChange={setLines} search={searchItems} error={error} priceField="unitPriceCents" priceLabel="Unit price" withDescription />
        <Alert message={unplacedError(error, ['customerId', 'number', 'date', untilField, 'note', 'lines', ...lineFields(lines.length, 'unitPriceCents', true)])} />
        <DialogActions submit={editing ? 'Save changes' : invoice ? 'Write invoice' : 'Write estimate'} busy={busy} onCancel={() => setDialog(null)} />
      </form>
    </Dialog>
  );
}
