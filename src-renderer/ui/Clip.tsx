/** A table cell whose text gives way when the column is short of room: one line, an ellipsis, the whole text on hover. */
import type { ReactNode } from 'react';

export function ClipCell(props: { text: string; children?: ReactNode; className?: string }) {
  return (
    <td className={props.className ? `clip ${props.className}` : 'clip'} title={props.text || undefined}>
      {props.text}
      {props.children}
    </td>
  );
}
