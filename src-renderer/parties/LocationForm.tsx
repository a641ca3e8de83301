/** Add or change one of a customer's service locations. */
import { useState } from 'react';
import type { AppErrorData, ServiceLocation } from '../../src-shared/ipc';
import { useFocusFirstError } from '../ui/focusError';
import { Dialog, DialogActions } from '../ui/Dialog';
import { errorFor, unplacedError } from '../ui/errors';
import { Alert, Check, Field, invalid } from '../ui/Field';
import { AddressFields, addressDraft, addressFieldNames, addressInput } from './AddressFields';
import { useParties } from './store';

export function LocationForm(props: { location: ServiceLocation | null }) {
  const { saveLocation, setDialog } = useParties();
  const l = props.location;
  const [name, setName] = useState(l?.name ?? '');
  const [active, setActive] = useState(l?.active ?? true);
  const [address, setAddress] = useState(addressDraft(l?.address));
  const [error, setError] = useState<AppErrorData | null>(null);
  const formRef = useFocusFirstError(error);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    const result = await saveLocation({ name, address: addressInput(address), active }, l?.id ?? null);
    setBusy(false);
    setError(result.ok ? null : result.error);
  };
  return (
    <Dialog title={l ? `Edit ${l.name}` : 'New service location'} onClose={() => setDialog(null)}>
      <form ref={formRef} noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Field label="Location name" error={errorFor(error, 'name')}>
          <input name="name" value={name} {...invalid(errorFor(error, 'name'))} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Check label="Active" checked={active} onChange={setActive} />
        <AddressFields legend="Address" prefix="address" value={address} onChange={setAddress} error={error} />
        <Alert message={unplacedError(error, ['name', 'address', ...addressFieldNames('address')])} />
        <DialogActions submit="Save location" busy={busy} onCancel={() => setDialog(null)} />
      </form>
    </Dialog>
  );
}
