/**
 * A modal dialog on the native <dialog>: the browser traps focus and turns Escape into `cancel`,
 * which closes it. The first input (or the element marked data-autofocus) gets focus.
 */
import { useEffect, useRef, type ReactNode } from 'react';

export function Dialog(props: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    const first = dialog.querySelector<HTMLElement>('[data-autofocus], input:not([type=hidden]), select, textarea');
    first?.focus();
    return () => {
      dialog.close();
      previous?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={props.wide ? 'dialog wide' : 'dialog'}
      aria-label={props.title}
      onCancel={(event) => {
        event.preventDefault();
        onClose.current();
      }}
    >
      <h2>{props.title}</h2>
      {props.children}
    </dialog>
  );
}

/** The buttons at the foot of a dialog's form: submit (Enter) and Cancel (Escape). */
export function DialogActions(props: { submit: string; busy: boolean; busyText?: string; onCancel: () => void; danger?: boolean }) {
  return (
    <div className="actions dialog-actions">
      <button type="submit" className={props.danger ? 'danger' : undefined} disabled={props.busy}>{props.busy ? (props.busyText ?? 'Saving…') : props.submit}</button>
      <button type="button" className="secondary" onClick={props.onCancel}>Cancel</button>
    </div>
  );
}
