/**
 * Sites on screen: add one, rename one, and (for Multiple Sites) map each to the QuickBooks location
 * it stands for, deactivate one no longer used (it is then not offered for new movements, receipts or
 * orders) or bring it back. Each change is saved at once, apart from the Settings form's Save.
 */
import { useEffect, useState } from 'react';
import type { AppErrorData, Site } from '../../src-shared/ipc';
import { api } from '../api/client';
import { DangerButton } from '../ui/DangerButton';
import { errorFor } from '../ui/errors';
import { useSites } from '../ui/sites';
import { checkInput } from '../ui/validate';

interface Location {
  id: string;
  name: string;
}

/** Deactivate (destructive, confirmed) or Reactivate one site; the default site has neither. */
function ActiveButton(props: { site: Site; onChange: (active: boolean) => Promise<unknown> }) {
  const { site } = props;
  if (site.isDefault) return null;
  if (!site.active) {
    return <button type="button" className="secondary small" onClick={() => void props.onChange(true)}>Reactivate</button>;
  }
  return (
    <DangerButton label="Deactivate…" confirmTitle={`Deactivate ${site.name}?`} confirmLabel="Deactivate" onConfirm={() => props.onChange(false)}>
      <p>{site.name} is no longer offered for new stock movements, receipts, counts or orders.</p>
      <p className="hint">Its history stays, and you can reactivate it here. A site still holding stock cannot be deactivated.</p>
    </DangerButton>
  );
}

/** Enter in a field of this fieldset acts here, never submits the Settings form around it. */
const onEnter = (act: () => void) => (e: React.KeyboardEvent) => {
  if (e.key !== 'Enter') return;
  e.preventDefault();
  act();
};

export function SitesFieldset({ enabled }: { enabled: boolean }) {
  const [sites, setSites] = useState<Site[]>([]);
  const [locations, setLocations] = useState<Location[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const [newName, setNewName] = useState('');
  const [errors, setErrors] = useState<Record<string, AppErrorData | null>>({});
  const reload = async () => {
    const r = await api.call('sites.list', {});
    if (r.ok) setSites(r.value);
    await useSites.getState().load(true);
  };
  useEffect(() => {
    void reload();
    void api.call('locations.list', {}).then((r) => {
      if (r.ok) setLocations(r.value.locations.filter((l) => l.active));
      else setMessage(`QuickBooks locations could not be read: ${r.error.message}`);
    });
  }, []);
  const answer = async (key: string, done: string, run: () => ReturnType<typeof api.call<'sites.update'>>) => {
    const result = await run();
    setErrors((all) => ({ ...all, [key]: result.ok ? null : result.error }));
    if (result.ok) {
      setMessage(done);
      await reload();
    }
    return result.ok;
  };
  const map = (site: Site, qboLocationRef: string | null) =>
    answer(site.id, `${site.name} saved.`, () => api.call('sites.update', { id: site.id, qboLocationRef }));
  const rename = (site: Site) => {
    const name = names[site.id] ?? site.name;
    void answer(site.id, `Renamed to ${name.trim()}.`, () => api.call('sites.update', { id: site.id, name }));
  };
  const setActive = (site: Site, active: boolean) =>
    answer(site.id, `${site.name} ${active ? 'reactivated' : 'deactivated'}.`, () => api.call('sites.update', { id: site.id, active }));
  const add = async () => {
    const problem = checkInput('sites.create', { name: newName });
    if (problem) return setErrors((all) => ({ ...all, new: problem }));
    if (await answer('new', `${newName.trim()} added.`, () => api.call('sites.create', { name: newName }))) setNewName('');
  };

  return (
    <fieldset>
      <legend>Sites and QuickBooks locations</legend>
      <p className="hint">
        {enabled
          ? 'With Multiple Sites on, an order comes in only when its QuickBooks location is mapped to one site.'
          : 'Turn on Multiple Sites above to import orders by location.'}
      </p>
      {sites.map((site) => {
        const error = errors[site.id] ?? null;
        const name = names[site.id] ?? site.name;
        return (
          <div key={site.id} className="site-row">
            <input aria-label={`Name of ${site.name}`} value={name} aria-invalid={errorFor(error, 'name') ? true : undefined}
              onChange={(e) => setNames((all) => ({ ...all, [site.id]: e.target.value }))} onKeyDown={onEnter(() => rename(site))} />
            {site.isDefault && <span className="badge">default</span>}
            {!site.active && <span className="badge">inactive</span>}
            <button type="button" className="secondary small" disabled={name.trim() === site.name} onClick={() => rename(site)}>Rename</button>
            <select aria-label={`QuickBooks location for ${site.name}`} value={site.qboLocationRef ?? ''} onChange={(e) => void map(site, e.target.value || null)}>
              <option value="">— not mapped —</option>
              {site.qboLocationRef && !locations?.some((l) => l.id === site.qboLocationRef) && <option value={site.qboLocationRef}>Location {site.qboLocationRef}</option>}
              {(locations ?? []).map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
            </select>
            <ActiveButton site={site} onChange={(active) => setActive(site, active)} />
            {error && <span role="alert" className="error">{error.message}</span>}
          </div>
        );
      })}
      <div className="site-row">
        <input aria-label="New site name" placeholder="New site, e.g. Yard" value={newName} aria-invalid={errors.new ? true : undefined}
          onChange={(e) => setNewName(e.target.value)} onKeyDown={onEnter(() => void add())} />
        <button type="button" className="secondary small" onClick={() => void add()}>Add site</button>
        {errors.new && <span role="alert" className="error">{errors.new.message}</span>}
      </div>
      {message && <p role="status" className="hint">{message}</p>}
    </fieldset>
  );
}
