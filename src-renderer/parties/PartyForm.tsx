/** Create or edit a customer or vendor; each error shows beside the input it is about. */
import { useState } from 'react';
import type { AppErrorData, Party } from '../../src-shared/ipc';
import { useFocusFirstError } from '../ui/focusError';
import { Dialog, DialogActions } from '../ui/Dialog';
import { errorFor, unplacedError } from '../ui/errors';
import { Alert, Check, Field, invalid } from '../ui/Field';
import { AddressFields, addressDraft, addressFieldNames, addressInput } from './AddressFields';
import { useParties } from './store';

const shown = ['displayName', 'companyName', 'givenName', 'familyName', 'email', 'phone', 'billingAddress', 'shippingAddress', ...addressFieldNames('billingAddress'), ...addressFieldNames('shippingAddress')];

export function PartyForm(props: { party: Party | null }) {
  const { kind, save, setDialog } = useParties();
  const p = props.party;
  const noun = kind === 'customers' ? 'customer' : 'vendor';
  const [f, setF] = useState({
    displayName: p?.displayName ?? '',
    companyName: p?.companyName ?? '',
    givenName: p?.givenName ?? '',
    familyName: p?.familyName ?? '',
    email: p?.email ?? '',
    phone: p?.phone ?? '',
    active: p?.active ?? true,
  });
  const [billing, setBilling] = useState(addressDraft(p?.billingAddress));
  const [shipping, setShipping] = useState(addressDraft(p?.shippingAddress));
  const [error, setError] = useState<AppErrorData | null>(null);
  const formRef = useFocusFirstError(error);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof f>) => setF((old) => ({ ...old, ...patch }));
  const err = (field: string) => errorFor(error, field);
  const text = (field: keyof typeof f, label: string, type = 'text') => {
    const value = f[field];
    return (
      <Field label={label} error={err(field)}>
        <input name={field} type={type} value={typeof value === 'string' ? value : ''} {...invalid(err(field))} onChange={(e) => set({ [field]: e.target.value })} />
      </Field>
    );
  };

  const submit = async () => {
    setBusy(true);
    const result = await save(
      {
        displayName: f.displayName,
        companyName: f.companyName.trim() || null,
        givenName: f.givenName.trim() || null,
        familyName: f.familyName.trim() || null,
        email: f.email.trim() || null,
        phone: f.phone.trim() || null,
        billingAddress: addressInput(billing),
        shippingAddress: addressInput(shipping),
        active: f.active,
      },
      p?.id ?? null,
    );
    setBusy(false);
    setError(result.ok ? null : result.error);
  };

  return (
    <Dialog title={p ? `Edit ${p.displayName}` : `New ${noun}`} wide onClose={() => setDialog(null)}>
      {/* noValidate: the host's words, beside the field, rather than the browser's bubble. */}
      <form ref={formRef} noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        {text('displayName', 'Display name')}
        {text('companyName', 'Company')}
        {text('givenName', 'Given name')}
        {text('familyName', 'Family name')}
        {text('email', 'Email', 'email')}
        {text('phone', 'Phone', 'tel')}
        <Check label="Active" checked={f.active} onChange={(active) => set({ active })} />
        <div className="address-pair">
          <AddressFields legend="Billing address" prefix="billingAddress" value={billing} onChange={setBilling} error={error} />
          <AddressFields legend="Shipping address" prefix="shippingAddress" value={shipping} onChange={setShipping} error={error} />
        </div>
        <button type="button" className="secondary small" onClick={() => setShipping(billing)}>Ship to the billing address</button>
        <Alert message={unplacedError(error, shown)} />
        <DialogActions submit={p ? `Save ${noun}` : `Create ${noun}`} busy={busy} onCancel={() => setDialog(null)} />
      </form>
    </Dialog>
  );
}
