/** First launch on the practice company: say so plainly, once, with the one click to real QuickBooks. */
import { useState } from 'react';
import { useConnection } from '../settings/connectionStore';

const dismissedKey = 'shelfsync.practiceBanner.dismissed';

export function PracticeBanner() {
  const { status, connect, busy } = useConnection();
  const [dismissed, setDismissed] = useState(() => localStorage.getItem(dismissedKey) === 'yes');
  if (!status?.practice || dismissed) return null;
  return (
    <div className="practice-banner" role="region" aria-label="Practice company">
      <p>
        <strong>This is a practice company.</strong> Everything you do here stays in ShelfSync’s own practice books:
        nothing touches your real QuickBooks company.
      </p>
      <div className="actions toolbar">
        <button type="button" disabled={busy} onClick={() => void connect()}>Connect to QuickBooks</button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            localStorage.setItem(dismissedKey, 'yes');
            setDismissed(true);
          }}
        >
          Keep practising
        </button>
      </div>
    </div>
  );
}
