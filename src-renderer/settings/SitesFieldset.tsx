/** Multiple Sites: which QuickBooks location each warehouse site stands for. Saved per site at once. */
import { useEffect, useState } from 'react';
import type { Site } from '../../src-shared/ipc';
import { api } from '../api/client';

interface Location {
  id: string;
  name: string;
}

export function SitesFieldset({ enabled }: { enabled: boolean }) {
  const [sites, setSites] = useState<Site[]>([]);
  const [locations, setLocations] = useState<Location[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    void api.call('sites.list', {}).then((r) => r.ok && setSites(r.value));
    void api.call('locations.list', {}).then((r) => {
      if (r.ok) setLocations(r.value.locations.filter((l) => l.active));
      else setMessage(`QuickBooks locations could not be read: ${r.error.message}`);
    });
  }, []);

  const map = async (site: Site, qboLocationRef: string | null) => {
    const result = await api.call('sites.update', { id: site.id, qboLocationRef });
    if (result.ok) {
      setSites((all) => all.map((s) => (s.id === site.id ? result.value : s)));
      setMessage(`${site.name} saved.`);
    } else setMessage(result.error.message);
  };

  return (
    <fieldset>
      <legend>Sites and QuickBooks locations</legend>
      <p className="hint">
        {enabled
          ? 'With Multiple Sites on, an order comes in only when its QuickBooks location is mapped to one site.'
          : 'Turn on Multiple Sites above to import orders by location.'}
      </p>
      {sites.map((site) => (
        <label key={site.id} className="field">
          <span>{site.name}{site.isDefault ? ' (default)' : ''}</span>
          <select aria-label={`QuickBooks location for ${site.name}`} value={site.qboLocationRef ?? ''} onChange={(e) => void map(site, e.target.value || null)}>
            <option value="">— not mapped —</option>
            {site.qboLocationRef && !locations?.some((l) => l.id === site.qboLocationRef) && <option value={site.qboLocationRef}>Location {site.qboLocationRef}</option>}
            {(locations ?? []).map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
          </select>
        </label>
      ))}
      {message && <p role="status" className="hint">{message}</p>}
    </fieldset>
  );
}
