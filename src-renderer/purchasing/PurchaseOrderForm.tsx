/** Draft a purchase order or change one (a posted PO changed here is marked as needing a resync). */
import { useState } from 'react';
import type { AppErrorData, FieldIssue, PurchaseOrder } from '../../src-shared/ipc';
import { Dialog, DialogActions } from '../ui/Dialog';
import { errorFor, unplacedError } from '../ui/errors';
import { useFocusFirstError } from '../ui/focusError';
import { checkInput } from '../ui/validate';
import { Alert, Field, invalid } from '../ui/Field';
import { money, parseMoney, qtyText } from '../ui/format';
import { blankLine, LinesEditor, lineFields, type LineDraft } from '../ui/LinesEditor';
import { Lookup, type Option } from '../ui/Lookup';
import { searchInventoryItems, searchVendors } from '../ui/lookups';
import { offeredSites, useSites } from '../ui/sites';
import { usePurchasing } from './store';

function draftLines(po: PurchaseOrder | null): LineDraft[] {
  if (!po) return [blankLine()];
  return po.lines.map((l) => ({ ...blankLine(), id: l.id, item: { id: l.itemId, label: l.itemName }, qty: l.ordered, price: money(l.unitCostCents).replace(/,/g, '') }));
}

export function PurchaseOrderForm(props: { po: PurchaseOrder | null }) {
  const { save, setDialog } = usePurchasing();
  const sites = useSites((s) => s.sites);
  const po = props.po;
  const [vendor, setVendor] = useState<Option | null>(po ? { id: po.vendorId, label: po.vendorName } : null);
  const [siteId, setSiteId] = useState(po?.siteId ?? sites.find((s) => s.isDefault)?.id ?? '');
  const [number, setNumber] = useState('');
  const [expectedDate, setExpectedDate] = useState(po?.expectedDate ?? '');
  const [note, setNote] = useState(po?.note ?? '');
  const [lines, setLines] = useState<LineDraft[]>(() => draftLines(po));
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const err = (field: string) => errorFor(error, field);

  const formRef = useFocusFirstError(error);

  const submit = async () => {
    const payload = [];
    const local: FieldIssue[] = [];
    for (const [i, l] of lines.entries()) {
      const cents = l.price.trim() ? parseMoney(l.price) : undefined;
      if (cents === null) local.push({ message: 'Enter the unit cost as an amount like 4.25.', field: `lines.${i}.unitCostCents` });
      payload.push({ ...(l.id ? { id: l.id } : {}), itemId: l.item?.id ?? '', qty: qtyText(l.qty), ...(typeof cents === 'number' ? { unitCostCents: cents } : {}) });
    }
    const common = { vendorId: vendor?.id ?? '', siteId: siteId || undefined, expectedDate: expectedDate || null, note: note.trim() || null, lines: payload };
    const input = po ? { id: po.id, ...common } : { ...common, number: number.trim() || undefined };
    const problem = checkInput(po ? 'purchaseOrders.update' : 'purchaseOrders.create', input, local);
    if (problem) return setError(problem);
    setBusy(true);
    const result = await save(input);
    setBusy(false);
    if (!result.ok) setError(result.error);
  };

  return (
    <Dialog title={po ? `Edit PO ${po.number}` : 'New purchase order'} wide onClose={() => setDialog(null)}>
      <form ref={formRef} noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Field label="Vendor" error={err('vendorId')}>
          <Lookup name="vendorId" label="Vendor" value={vendor} onChange={setVendor} search={searchVendors} invalid={Boolean(err('vendorId'))} />
        </Field>
        <Field label="Receive into site" error={err('siteId')}>
          <select name="siteId" value={siteId} onChange={(e) => setSiteId(e.target.value)}>
            {offeredSites(sites, po?.siteId).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </Field>
        {!po && (
          <Field label="PO number" error={err('number')}>
            <input name="number" placeholder="automatic" value={number} {...invalid(err('number'))} onChange={(e) => setNumber(e.target.value)} />
          </Field>
        )}
        <Field label="Expected on" error={err('expectedDate')}>
          <input name="expectedDate" type="date" value={expectedDate} {...invalid(err('expectedDate'))} onChange={(e) => setExpectedDate(e.target.value)} />
        </Field>
        <Field label="Note" error={err('note')}><input name="note" value={note} onChange={(e) => setNote(e.target.value)} /></Field>
        <LinesEditor lines={lines} onChange={setLines} search={searchInventoryItems} error={error} priceField="unitCostCents" priceLabel="Unit cost" />
        <Alert message={unplacedError(error, ['vendorId', 'siteId', 'number', 'expectedDate', 'note', 'lines', ...lineFields(lines.length, 'unitCostCents')])} />
        <DialogActions submit={po ? 'Save PO' : 'Draft PO'} busy={busy} onCancel={() => setDialog(null)} />
      </form>
    </Dialog>
  );
}
