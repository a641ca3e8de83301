/** After a failed submit, the first input with an error (or the form's alert) gets focus. */
import { useEffect, useRef } from 'react';

export function useFocusFirstError<T extends HTMLElement = HTMLFormElement>(error: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!error || !ref.current) return;
    const first = ref.current.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"][tabindex]');
    first?.focus();
  }, [error]);
  return ref;
}
