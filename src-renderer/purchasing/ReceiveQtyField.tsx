/**
 * The quantity the next scan receives (default 1, back to 1 after that scan). From the keyboard it is
 * typed in the scan field as digits then * ("12*"), which no barcode scan looks like; the box beside it
 * takes it too, and refuses a barcode that lands there by mistake.
 */
import { useEffect, useState } from 'react';
import { quantityKey } from '../ui/ScanField';
import { usePurchasing } from './store';

export function ReceiveQtyField() {
  const scanQty = usePurchasing((s) => s.scanQty);
  const setScanQty = usePurchasing((s) => s.setScanQty);
  const receiving = usePurchasing((s) => s.receiving);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(null), [scanQty]);
  // A refused entry is said until the next scan is taken.
  useEffect(() => setError(null), [receiving]);
  const commit = (target: HTMLInputElement, back: boolean) => {
    if (text === null) return;
    const outcome = setScanQty(text);
    setText(null);
    setError(outcome.ok ? null : outcome.message);
    // Back to the scan field, ready for the scan this quantity is for.
    if (back) target.closest('form.scan')?.querySelector<HTMLInputElement>('input[name=scan]')?.focus();
  };
  return (
    <>
      <label className="inline scan-qty">
        Quantity for the next scan{' '}
        <input
          className="num"
          name="receiveQty"
          aria-label="Quantity for the next scan"
          inputMode="decimal"
          value={text ?? scanQty}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setText(e.target.value)}
          onBlur={(e) => commit(e.currentTarget, false)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            commit(e.currentTarget, true);
          }}
        />
      </label>
      <span className="hint">Type the quantity then {quantityKey} (like 12{quantityKey}) before a scan; after that scan it is 1 again.</span>
      {error && <span role="alert" className="error">{error}</span>}
    </>
  );
}
