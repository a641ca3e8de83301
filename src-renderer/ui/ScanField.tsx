/** The scan field of a screen: takes a scan (or typed code) + Enter from anywhere, handles scans in order. */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useScanRouting } from './scanner';

export interface ScanOutcome {
  ok: boolean;
  message: string;
}

/**
 * A quantity typed before a scan, the way a till takes it: digits then * ("12*"). A scanner types a
 * barcode then Enter and never a * after digits, so the two cannot be mistaken for each other.
 */
export const quantityKey = '*';
const quantityTyped = /^(\d{1,5}(?:[.,]\d{1,4})?)\*$/;

export function ScanField(props: {
  label: string;
  onScan: (code: string) => Promise<ScanOutcome>;
  disabled?: boolean;
  /** Off while something else on the screen (a form) should get the keystrokes. */
  routing?: boolean;
  /** Given: digits then * in the field ("12*") are a quantity for the next scan, handed here at once. */
  onQuantity?: (qty: string) => ScanOutcome;
  children?: ReactNode;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);
  const [busy, setBusy] = useState(0);
  // Scans arrive faster than the host answers: handle them one after another, in order.
  const chain = useRef<Promise<void>>(Promise.resolve());
  const onScan = useRef(props.onScan);
  onScan.current = props.onScan;
  const append = useCallback((text: string) => setValue((v) => v + text), []);
  useScanRouting(ref, append, props.routing !== false && !props.disabled);
  const onQuantity = props.onQuantity;
  useEffect(() => {
    const typed = onQuantity ? quantityTyped.exec(value) : null;
    if (!onQuantity || !typed?.[1]) return;
    setValue('');
    const qty = typed[1].replace(',', '.');
    // In line behind the scans still being answered: the quantity is for the scan typed after it.
    chain.current = chain.current.then(() => setOutcome(onQuantity(qty)));
  }, [value, onQuantity]);
  // A scanning screen (or record) opens ready to scan, unless the clerk is typing somewhere else.
  useEffect(() => {
    if (props.disabled || document.querySelector('dialog[open]')) return;
    const active = document.activeElement;
    const typing = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement;
    if (!typing) ref.current?.focus();
  }, []);

  return (
    <form
      className="scan"
      onSubmit={(event) => {
        event.preventDefault();
        const code = value.trim();
        setValue('');
        if (!code) return;
        setBusy((n) => n + 1);
        chain.current = chain.current.then(async () => {
          const result = await onScan.current(code);
          setOutcome(result);
          setBusy((n) => n - 1);
          // Ready for the next scan, wherever focus went meanwhile (the Enter button, a re-render).
          if (!document.querySelector('dialog[open]')) ref.current?.focus();
        });
      }}
    >
      <label className="scan-label">
        <span>{props.label}</span>
        <input
          ref={ref}
          name="scan"
          autoComplete="off"
          value={value}
          disabled={props.disabled}
          placeholder="Scan a barcode"
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      {props.children}
      <button type="submit" disabled={props.disabled}>Enter</button>
      <span className="scan-outcome" aria-live="polite">
        {busy > 0 ? <span role="status">Working…</span> : outcome && (
          <span role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'ok' : 'error'}>{outcome.message}</span>
        )}
      </span>
    </form>
  );
}
