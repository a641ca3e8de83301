/** Form building blocks: a labelled input with its error beside it, a checkbox, a general alert. */
import { cloneElement, isValidElement, type ReactNode } from 'react';

/** The input inside is marked invalid while its error shows, so the form can focus it. */
export function Field(props: { label: string; error: string | null; children: ReactNode; wide?: boolean }) {
  const child = props.error && isValidElement<Record<string, unknown>>(props.children) && typeof props.children.type === 'string'
    ? cloneElement(props.children, { 'aria-invalid': true })
    : props.children;
  return (
    <label className={props.wide ? 'field wide' : 'field'}>
      <span>{props.label}</span>
      {child}
      {props.error && <span role="alert" className="error">{props.error}</span>}
    </label>
  );
}

export function Check(props: { label: string; checked: boolean; onChange: (value: boolean) => void; name?: string }) {
  return (
    <label className="check">
      <input type="checkbox" name={props.name} checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <span>{props.label}</span>
    </label>
  );
}

/** The form's general error; focusable so a failed submit can move focus to it. */
export function Alert(props: { message: string | null }) {
  return props.message ? <p role="alert" tabIndex={-1} className="error">{props.message}</p> : null;
}

/** Props for an input whose error is shown beside it. */
export function invalid(error: string | null): { 'aria-invalid'?: true } {
  return error ? { 'aria-invalid': true } : {};
}
