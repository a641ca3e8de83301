/** Customers and vendors: lists with an active/inactive toggle, the open record with addresses and locations. */
import { useEffect } from 'react';
import { ClipCell } from '../ui/Clip';
import { plural } from '../ui/format';
import { AddressText } from './AddressFields';
import { LocationForm } from './LocationForm';
import { PartyForm } from './PartyForm';
import { partySortDefault, useParties, type PartyKind } from './store';
import { ExportButton } from '../ui/ExportButton';
import { SortHeader } from '../ui/SortHeader';

export function PartiesScreen() {
  const s = useParties();
  useEffect(() => {
    void s.load();
  }, []);
  const noun = s.kind === 'customers' ? 'customer' : 'vendor';
  const head = (sort: string, label: string, className?: string) => (
    <SortHeader list={s.kind} sort={sort} label={label} fallback={partySortDefault} onSort={() => void s.load()} {...(className ? { className } : {})} />
  );
  const open = s.open;
  return (
    <section className="parties">
      <div className="screen-head">
        <h1>Customers and vendors</h1>
        <div role="tablist" aria-label="Which list" className="tabs">
          {(['customers', 'vendors'] as PartyKind[]).map((kind) => (
            <button key={kind} type="button" role="tab" aria-selected={s.kind === kind} onClick={() => void s.setFilter({ kind })}>
              {kind === 'customers' ? 'Customers' : 'Vendors'}
            </button>
          ))}
        </div>
      </div>
      <div className="toolbar filters" role="search">
        <input type="search" aria-label={`Search ${s.kind}`} placeholder="Name, company, email or phone" value={s.search} onChange={(e) => void s.setFilter({ search: e.target.value })} />
        <select aria-label="Show" value={s.active} onChange={(e) => void s.setFilter({ active: e.target.value as 'active' | 'inactive' | 'all' })}>
          <option value="active">Active</option>
          <option value="inactive">Inactive</option>
          <option value="all">Active and inactive</option>
        </select>
        <span className="count-label" role="status">{plural(s.total, noun)}</span>
        <button type="button" onClick={() => s.setDialog({ form: 'party', editing: false })}>New {noun}…</button>
        <ExportButton list={s.kind} filter={{ search: s.search.trim() || undefined, active: s.active === 'all' ? undefined : s.active === 'active' }} fallback={partySortDefault} />
      </div>
      {!open && s.error && <p role="alert" className="error">{s.error.message}</p>}
      <div className="master">
        <div className="list-pane">
        <table className="rows" aria-label={s.kind === 'customers' ? 'Customers' : 'Vendors'}>
          <thead><tr>{head('displayName', 'Name')}{head('companyName', 'Company', 'opt')}{head('email', 'Email', 'opt2')}{head('phone', 'Phone')}</tr></thead>
          <tbody>
            {s.rows.map((p) => (
              <tr key={p.id} tabIndex={0} className={[p.id === open?.id ? 'selected' : '', p.active ? '' : 'inactive'].join(' ').trim() || undefined} aria-selected={p.id === open?.id} onClick={() => void s.select(p.id)} onKeyDown={(e) => { if (e.key === 'Enter') void s.select(p.id); }}>
                <ClipCell text={p.displayName}>{!p.active && <span className="badge"> inactive</span>}</ClipCell><ClipCell className="opt" text={p.companyName ?? ''} /><ClipCell className="opt2" text={p.email ?? ''} /><td>{p.phone ?? ''}</td>
              </tr>
            ))}
            {s.rows.length === 0 && <tr><td colSpan={4} className="hint">No {s.kind} here.</td></tr>}
          </tbody>
        </table>
        </div>
        {open ? (
          <aside className="detail" aria-label={open.displayName}>
            <div className="detail-head">
              <h2>{open.displayName}</h2>
              {open.active ? <span className="badge good">Active</span> : <span className="badge">Inactive</span>}
            </div>
            <dl className="facts">
              <dt>Company</dt><dd>{open.companyName ?? '—'}</dd>
              <dt>Contact</dt><dd>{[open.givenName, open.familyName].filter(Boolean).join(' ') || '—'}</dd>
              <dt>Email</dt><dd>{open.email ?? '—'}</dd>
              <dt>Phone</dt><dd>{open.phone ?? '—'}</dd>
              <dt>Billing</dt><dd><AddressText address={open.billingAddress} /></dd>
              <dt>Shipping</dt><dd><AddressText address={open.shippingAddress} /></dd>
            </dl>
            {s.notice && <p role="status" className="ok notice">{s.notice}</p>}
            {s.error && <p role="alert" className="error">{s.error.message}</p>}
            <div className="actions toolbar">
              <button type="button" onClick={() => s.setDialog({ form: 'party', editing: true })}>Edit…</button>
              <button type="button" className="secondary" onClick={() => void s.setActive(!open.active)}>{open.active ? 'Make inactive' : 'Make active'}</button>
            </div>
            {open.serviceLocations && (
              <>
                <h3>Service locations</h3>
                {open.serviceLocations.length === 0 ? <p className="hint">None yet.</p> : (
                  <table aria-label="Service locations">
                    <thead><tr><th>Name</th><th>Address</th><th /></tr></thead>
                    <tbody>
                      {open.serviceLocations.map((l) => (
                        <tr key={l.id} className={l.active ? undefined : 'inactive'}>
                          <td>{l.name}{!l.active && <span className="badge"> inactive</span>}</td>
                          <td><AddressText address={l.address} /></td>
                          <td><button type="button" className="secondary small" onClick={() => s.setDialog({ form: 'location', location: l })}>Edit…</button></td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                <button type="button" className="secondary" onClick={() => s.setDialog({ form: 'location', location: null })}>Add service location…</button>
              </>
            )}
          </aside>
        ) : (
          <aside className="detail empty hint">Choose a {noun}.</aside>
        )}
      </div>
      {s.dialog?.form === 'party' && <PartyForm party={s.dialog.editing ? open : null} />}
      {s.dialog?.form === 'location' && <LocationForm location={s.dialog.location} />}
    </section>
  );
}
