/** Settings: when to sync, how orders post, which way each kind of record flows. */
import { useEffect, useState, type ReactNode } from 'react';
import type { Directions, Settings } from '../../src-shared/ipc';
import { directionsSchema } from '../../src-shared/ipc';
import { useSettings } from './store';
import { ConnectionPanel } from './ConnectionPanel';
import { AccountsFieldset } from './AccountsFieldset';
import { SitesFieldset } from './SitesFieldset';
import { BackupFieldset } from './BackupFieldset';

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

export function SettingsScreen() {
  const { draft, error, saving, savedAt, load, edit, save } = useSettings();
  const [intervalText, setIntervalText] = useState('');
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (draft) setIntervalText(String(draft.syncIntervalMinutes));
  }, [draft?.syncIntervalMinutes]);

  if (!draft) return <p role="status">{error ? error.message : 'Loading settings…'}</p>;
  // Beside the field its name is redundant: show only what is wrong.
  const fieldError = (field: string) => (error?.field === field ? error.message.replace(`${field}: `, '') : null);
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => edit((d) => { d[key] = value; });

  return (
    <form
      className="settings"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
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
            aria-invalid={fieldError('syncIntervalMinutes') ? true : undefined}
            onChange={(event) => {
              setIntervalText(event.target.value);
              const text = event.target.value.trim();
              // Keep exactly what was typed so the host can say what is wrong with it.
              set('syncIntervalMinutes', /^-?\d+$/.test(text) ? Number(text) : Number.NaN);
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
                <option key={option} value={option}>{directionLabels[option]}</option>
              ))}
            </select>
          </Field>
        ))}
      </fieldset>
      <AccountsFieldset draft={draft} edit={edit} />
      <SitesFieldset enabled={draft.multipleSites} />
      {error && !error.field && <p role="alert" className="error">{error.message}</p>}
      <div className="actions">
        <button type="submit" disabled={saving}>{saving ? 'Saving…' : 'Save settings'}</button>
        {savedAt && <span role="status" className="ok">Saved.</span>}
      </div>
      <BackupFieldset />
    </form>
  );
}

function Field(props: { label: string; error: string | null; children: ReactNode }) {
  return (
    <label className="field">
      <span>{props.label}</span>
      {props.children}
      {props.error && <span role="alert" className="error">{props.error}</span>}
    </label>
  );
}

function Check(props: { label: string; checked: boolean; onChange: (value: boolean) => void }) {
  return (
    <label className="check">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <span>{props.label}</span>
    </label>
  );
}
