/** The ✕ at the head of an open record; Escape presses it (ui/keyboard.ts finds it by data-close). */
export function CloseButton(props: { what: string; onClose: () => void }) {
  return (
    <button type="button" className="secondary small" aria-label={`Close ${props.what}`} title={`Close ${props.what} (Escape)`} data-close onClick={props.onClose}>
      ✕
    </button>
  );
}
