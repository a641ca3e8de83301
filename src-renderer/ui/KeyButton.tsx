/** A button with a keyboard shortcut: the key is in its title ("Post order (F8)") and works from anywhere. */
import type { ReactNode } from 'react';
import { useShortcut } from './keyboard';

export function KeyButton(props: {
  shortcut: string;
  onClick: () => void;
  children: ReactNode;
  /** The words for the title; the button's text when not given. */
  what?: string;
  className?: string;
  disabled?: boolean;
}) {
  useShortcut(props.shortcut, props.onClick, !props.disabled);
  const what = props.what ?? (typeof props.children === 'string' ? props.children.replace(/…$/, '') : 'This');
  return (
    <button
      type="button"
      className={props.className}
      disabled={props.disabled}
      title={`${what} (${props.shortcut})`}
      aria-keyshortcuts={props.shortcut}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}
