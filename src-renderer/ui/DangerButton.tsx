/** A button for what cannot be undone: it looks it, and asks first in a dialog that names the consequence. */
import { useState, type ReactNode } from 'react';
import { Dialog } from './Dialog';

export function DangerButton(props: {
  label: string;
  /** The dialog's title and its confirming button. */
  confirmTitle: string;
  confirmLabel: string;
  children: ReactNode;
  onConfirm: () => Promise<unknown> | void;
  disabled?: boolean;
  title?: string;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <button type="button" className="danger" disabled={props.disabled} title={props.title} onClick={() => setOpen(true)}>
        {props.label}
      </button>
      {open && (
        <Dialog title={props.confirmTitle} onClose={() => setOpen(false)}>
          {props.children}
          <div className="actions dialog-actions">
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                void Promise.resolve(props.onConfirm()).finally(() => {
                  setBusy(false);
                  setOpen(false);
                });
              }}
            >
              {busy ? 'Working…' : props.confirmLabel}
            </button>
            <button type="button" className="secondary" data-autofocus onClick={() => setOpen(false)}>Cancel</button>
          </div>
        </Dialog>
      )}
    </>
  );
}
