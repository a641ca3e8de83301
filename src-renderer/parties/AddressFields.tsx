/** The address inputs QuickBooks keeps (three street lines, city, state, postal code, country). */
import type { AppErrorData, Address } from '../../src-shared/ipc';
import { errorFor } from '../ui/errors';
import { Field, invalid } from '../ui/Field';

export type AddressDraft = Record<keyof Address, string>;
const parts: [keyof Address, string][] = [
  ['line1', 'Street'],
  ['line2', 'Street (line 2)'],
  ['line3', 'Street (line 3)'],
  ['city', 'City'],
  ['state', 'State'],
  ['postalCode', 'Postal code'],
  ['country', 'Country'],
];

export function addressDraft(address: Address | null | undefined): AddressDraft {
  return {
    line1: address?.line1 ?? '',
    line2: address?.line2 ?? '',
    line3: address?.line3 ?? '',
    city: address?.city ?? '',
    state: address?.state ?? '',
    postalCode: address?.postalCode ?? '',
    country: address?.country ?? '',
  };
}

/** Blank parts become null; an address with nothing in it is null. */
export function addressInput(draft: AddressDraft): Address | null {
  const entries = Object.entries(draft).map(([k, v]) => [k, v.trim() || null] as const);
  return entries.every(([, v]) => v === null) ? null : (Object.fromEntries(entries) as Address);
}

export function addressFieldNames(prefix: string): string[] {
  return parts.map(([key]) => `${prefix}.${key}`);
}

export function AddressFields(props: { legend: string; prefix: string; value: AddressDraft; onChange: (value: AddressDraft) => void; error: AppErrorData | null }) {
  return (
    <fieldset className="address-fields">
      <legend>{props.legend}</legend>
      {errorFor(props.error, props.prefix) && <p role="alert" className="error">{errorFor(props.error, props.prefix)}</p>}
      {parts.map(([key, label]) => {
        const err = errorFor(props.error, `${props.prefix}.${key}`);
        return (
          <Field key={key} label={label} error={err}>
            <input name={`${props.prefix}.${key}`} aria-label={`${props.legend}: ${label}`} value={props.value[key]} {...invalid(err)} onChange={(e) => props.onChange({ ...props.value, [key]: e.target.value })} />
          </Field>
        );
      })}
    </fieldset>
  );
}

export function AddressText(props: { address: Address }) {
  const a = props.address;
  const text = [a.line1, a.line2, a.line3, [a.city, a.state, a.postalCode].filter(Boolean).join(' '), a.country].filter(Boolean).join('\n');
  return <p className="address">{text || '—'}</p>;
}
