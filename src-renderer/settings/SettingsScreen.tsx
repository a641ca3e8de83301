/** Settings: when to sync, how orders post, which way each kind of record flows. */
import { useEffect, useState } from 'react';
import type { Directions, Settings } from '../../src-shared/ipc';
import { directionsSchema } from '../../src-shared/ipc';
import { useSettings } from './store';
import { ConnectionPanel } from './ConnectionPanel';
import { AccountsFieldset } from './AccountsFieldset';
import { SitesFieldset } from './SitesFieldset';
import { BackupFieldset } from './BackupFieldset';
import { errorFor, issuesOf, unplacedError } from '../ui/errors';
import { Alert, Check, Field } from '../ui/Field';
import { useFocusFirstError } from '../ui/focusError';

const directionLabels: Record<string, string> = {
  qboToLocal: 'QuickBooks → ShelfSync',
  localToQbo: 'ShelfSync → QuickBooks',
  twoWay: 'Both ways (latest edit wins)',
  off: 'Do not sync',
};

const entityLabels: Record<keyof Directions, string> = {
  customers: 'Customers',
  vendors: 'Vendors',
  items: 'Items',
  salesOrders: 'QuickBooks estimates → picking orders',
  invoices: 'Invoices',
  estimates: 'ShelfSync estimates → QuickBooks',
  purchaseOrders: 'Purchase orders',
  stock: 'Stock adjustments',
};

const intervalWords = 'Enter the sync interval as whole minutes, from 1 to 1440.';

export function SettingsScreen() {
  const { draft, error, saving, savedAt, load, edit, save } = useSettings();
  const [intervalText, setIntervalText] = useState('');
  const formRef = useFocusFirstError(error);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (draft) setIntervalText(String(draft.syncIntervalMinutes));
  }, [draft?.syncIntervalMinutes]);

  if (!draft) return <p role="status">{error ? error.message : 'Loading settings…'}</p>;
  const fieldError = (field: string) => errorFor(error, field);
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => edit((d) => { d[key] = value; });
  const shown = ['syncIntervalMinutes', 'postOrdersAs', 'directions'];

  return (
    <form
      ref={formRef}
      className="settings"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        // Only whole minutes are ever put in the draft; anything else stays as typed and is named here.
        void save(/^\s*\d+\s*$/.test(intervalText) ? [] : [{ field: 'syncIntervalMinutes', message: intervalWords }]);
      }}
    >
      <h1>Settings</h1>
      <ConnectionPanel />
      <fieldset>
        <legend>When to sync</legend>
        <Check label="Sync automatically" checked={draft.autoSync} onChange={(v) => set('autoSync', v)} />
        <Field label="Sync interval (minutes)" error={fieldError('syncIntervalMinutes')}>
          <input
            name="syncIntervalMinutes"
            inputMode="numeric"
            value={intervalText}
            disabled={!draft.autoSync}
            onChange={(event) => {
              setIntervalText(event.target.value);
              const text = event.target.value.trim();
              if (/^\d+$/.test(text)) set('syncIntervalMinutes', Number(text));
            }}
          />
        </Field>
        {!draft.autoSync && <p className="hint">Manual only: sync runs when you press Sync Now.</p>}
      </fieldset>
      <fieldset>
        <legend>Orders and stock</legend>
        <Check label="Manual Posting (picked orders wait until you post them)" checked={draft.manualPosting} onChange={(v) => set('manualPosting', v)} />
        <Check label="Partial Invoices (invoice what was picked; the rest stays as a back order)" checked={draft.partialInvoices} onChange={(v) => set('partialInvoices', v)} />
        <Check label="Multiple Sites (every line of an order from one site)" checked={draft.multipleSites} onChange={(v) => set('multipleSites', v)} />
        <Check label="Allow stock to go below zero" checked={draft.allowNegativeStock} onChange={(v) => set('allowNegativeStock', v)} />
        <Field label="Post picked orders as" error={fieldError('postOrdersAs')}>
          <select name="postOrdersAs" value={draft.postOrdersAs} onChange={(e) => set('postOrdersAs', e.target.value as Settings['postOrdersAs'])}>
            <option value="invoice">Invoice</option>
            <option value="salesReceipt">Sales receipt</option>
          </select>
        </Field>
      </fieldset>
      <fieldset>
        <legend>What syncs, and which way</legend>
        {(Object.keys(entityLabels) as (keyof Directions)[]).map((entity) => (
          <Field key={entity} label={entityLabels[entity]} error={fieldError(`directions.${entity}`)}>
            <select
              name={`directions.${entity}`}
              value={draft.directions[entity]}
              onChange={(e) => edit((d) => { (d.directions as Record<string, string>)[entity] = e.target.value; })}
            >
              {directionsSchema.shape[entity].options.map((option: string) => (
                <option key={option} value={option}>{entity === 'purchaseOrders' && option === 'twoWay' ? 'Both ways (QuickBooks POs come in to be received)' : directionLabels[option]}</option>
              ))}
            </select>
          </Field>
        ))}
      </fieldset>
      <AccountsFieldset draft={draft} edit={edit} />
      <SitesFieldset enabled={draft.multipleSites} />
      <BackupFieldset />
      <div className="actions sticky-footer" data-testid="settings-footer">
        <button type="submit" disabled={saving}>{saving ? 'Saving…' : 'Save settings'}</button>
        {savedAt && <span role="status" className="ok">Saved.</span>}
        <Alert message={unplacedError(error, shown)} />
        {issuesOf(error).some((i) => i.field && shown.some((f) => i.field === f || i.field?.startsWith(`${f}.`))) && (
          <span className="error">Check the fields marked in red above.</span>
        )}
      </div>
    </form>
  );
}
