/** Where the next receipt goes: a bin scanned or typed here, or (left empty) each item's primary bin at the PO's site. */
import { usePurchasing } from './store';

export function PutAwayField() {
  const binCode = usePurchasing((s) => s.binCode);
  const setBinCode = usePurchasing((s) => s.setBinCode);
  return (
    <label className="inline put-away">
      Put away to bin{' '}
      <input name="binCode" aria-label="Put away to bin" placeholder="primary bin" value={binCode} onChange={(e) => setBinCode(e.target.value)} />
    </label>
  );
}
