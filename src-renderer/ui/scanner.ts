/**
 * A barcode scanner types like a keyboard and ends with Enter. When no input has focus, keystrokes
 * anywhere on the screen are routed to the screen's scan field so a scan is never lost.
 */
import { useEffect, type RefObject } from 'react';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return false;
}

/** Sends printable keys typed outside any input to `input`, appending them to its value. */
export function useScanRouting(
  input: RefObject<HTMLInputElement | null>,
  append: (text: string) => void,
  enabled = true,
): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const field = input.current;
      if (!field || field.disabled || event.defaultPrevented) return;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (isEditable(event.target) || document.querySelector('dialog[open]')) return;
      // Space activates a focused button; no barcode we print contains one.
      if (event.key.length !== 1 || event.key === ' ') return;
      event.preventDefault();
      field.focus();
      append(event.key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [input, append, enabled]);
}
