/** Create or edit an item; the host's errors appear beside the input they name. */
import { useState } from 'react';
import type { AppErrorData, FieldIssue, ItemDetail, ItemType } from '../../src-shared/ipc';
import { Dialog, DialogActions } from '../ui/Dialog';
import { errorFor, errorUnder, unplacedError } from '../ui/errors';
import { useFocusFirstError } from '../ui/focusError';
import { checkInput } from '../ui/validate';
import { Alert, Check, Field, invalid } from '../ui/Field';
import { money, parseMoney } from '../ui/format';
import { useItemDetail } from './detailStore';
import { typeLabels } from './ItemList';

const shown = ['name', 'sku', 'barcodes', 'type', 'unit', 'priceCents', 'costCents', 'reorderPoint', 'description'];

export function ItemForm(props: { item: ItemDetail | null }) {
  const { save, setDialog } = useItemDetail();
  const item = props.item;
  const [f, setF] = useState({
    name: item?.name ?? '',
    sku: item?.sku ?? '',
    barcodes: item?.barcodes.join(', ') ?? '',
    type: item?.type ?? 'inventory',
    unit: item?.unit ?? '',
    price: item ? money(item.priceCents).replace(/,/g, '') : '',
    cost: item ? money(item.costCents).replace(/,/g, '') : '',
    reorderPoint: item?.reorderPoint ?? '0',
    description: item?.description ?? '',
    active: item?.active ?? true,
  });
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof f>) => setF((old) => ({ ...old, ...patch }));
  const err = (field: string) => errorFor(error, field);
  const formRef = useFocusFirstError(error);

  const submit = async () => {
    const priceCents = f.price.trim() ? parseMoney(f.price) : 0;
    const costCents = f.cost.trim() ? parseMoney(f.cost) : 0;
    const local: FieldIssue[] = [];
    if (priceCents === null) local.push({ message: 'Enter the sales price as an amount like 12.50.', field: 'priceCents' });
    if (costCents === null) local.push({ message: 'Enter the cost as an amount like 4.25.', field: 'costCents' });
    const fields = {
      name: f.name,
      sku: f.sku.trim() || null,
      barcodes: f.barcodes.split(/[\s,;]+/).filter(Boolean),
      unit: f.unit.trim() || null,
      priceCents: priceCents ?? 0,
      costCents: costCents ?? 0,
      reorderPoint: f.reorderPoint.trim(),
      description: f.description.trim() || null,
      active: f.active,
    };
    const input = item ? { id: item.id, ...fields } : { ...fields, type: f.type };
    const problem = checkInput(item ? 'items.update' : 'items.create', input, local);
    if (problem) return setError(problem);
    setBusy(true);
    const result = await save(input);
    setBusy(false);
    setError(result.ok ? null : result.error);
  };

  return (
    <Dialog title={item ? `Edit ${item.name}` : 'New item'} onClose={() => setDialog(null)}>
      <form ref={formRef} noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Field label="Name" error={err('name')}><input name="name" value={f.name} {...invalid(err('name'))} onChange={(e) => set({ name: e.target.value })} /></Field>
        <Field label="SKU" error={err('sku')}><input name="sku" value={f.sku} {...invalid(err('sku'))} onChange={(e) => set({ sku: e.target.value })} /></Field>
        <Field label="Barcodes (comma separated)" error={errorUnder(error, 'barcodes')}><input name="barcodes" value={f.barcodes} {...invalid(errorUnder(error, 'barcodes'))} onChange={(e) => set({ barcodes: e.target.value })} /></Field>
        <Field label="Type" error={err('type')}>
          <select name="type" value={f.type} disabled={Boolean(item)} onChange={(e) => set({ type: e.target.value as ItemType })}>
            {Object.entries(typeLabels).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </Field>
        <Field label="Unit" error={err('unit')}><input name="unit" value={f.unit} placeholder="each, box, kg…" onChange={(e) => set({ unit: e.target.value })} /></Field>
        <Field label="Sales price" error={err('priceCents')}><input name="price" inputMode="decimal" value={f.price} {...invalid(err('priceCents'))} onChange={(e) => set({ price: e.target.value })} /></Field>
        <Field label="Cost" error={err('costCents')}><input name="cost" inputMode="decimal" value={f.cost} {...invalid(err('costCents'))} onChange={(e) => set({ cost: e.target.value })} /></Field>
        {f.type === 'inventory' && (
          <Field label="Reorder point" error={err('reorderPoint')}><input name="reorderPoint" inputMode="decimal" value={f.reorderPoint} {...invalid(err('reorderPoint'))} onChange={(e) => set({ reorderPoint: e.target.value })} /></Field>
        )}
        <Field label="Description" error={err('description')}><textarea name="description" rows={2} value={f.description} onChange={(e) => set({ description: e.target.value })} /></Field>
        <Check label="Active" checked={f.active} onChange={(active) => set({ active })} />
        <Alert message={unplacedError(error, shown)} />
        <DialogActions submit={item ? 'Save item' : 'Create item'} busy={busy} onCancel={() => setDialog(null)} />
      </form>
    </Dialog>
  );
}
