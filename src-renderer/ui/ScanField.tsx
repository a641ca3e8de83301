/** The scan field of a screen: takes a scan (or typed code) + Enter from anywhere, handles scans in order. */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useScanRouting } from './scanner';

export interface ScanOutcome {
  ok: boolean;
  message: string;
}

export function ScanField(props: {
  label: string;
  onScan: (code: string) => Promise<ScanOutcome>;
  disabled?: boolean;
  /** Off while something else on the screen (a form) should get the keystrokes. */
  routing?: boolean;
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
