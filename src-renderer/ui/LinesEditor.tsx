/** The lines of an order, purchase order, invoice or estimate: item, quantity and (optionally) a price. */
import type { AppErrorData } from '../../src-shared/ipc';
import { errorFor } from './errors';
import { Lookup, type Option } from './Lookup';

export interface LineDraft {
  key: number;
  /** An existing line's id (purchase orders keep line ids when edited). */
  id?: string;
  item: Option | null;
  description: string;
  qty: string;
  /** Money as typed; blank means the item's own price or cost. */
  price: string;
}

let nextKey = 1;
export function blankLine(): LineDraft {
  return { key: nextKey++, item: null, description: '', qty: '1', price: '' };
}

export function lineFields(count: number, priceField?: string, withDescription = false): string[] {
  return Array.from({ length: count }, (_, i) => [
    `lines.${i}.itemId`,
    `lines.${i}.qty`,
    ...(priceField ? [`lines.${i}.${priceField}`] : []),
    ...(withDescription ? [`lines.${i}.description`] : []),
  ]).flat();
}

export function LinesEditor(props: {
  lines: LineDraft[];
  onChange: (lines: LineDraft[]) => void;
  search: (text: string) => Promise<Option[]>;
  error: AppErrorData | null;
  /** The contract's name of the price field, e.g. unitCostCents; absent: no price column. */
  priceField?: string;
  priceLabel?: string;
  withDescription?: boolean;
}) {
  const edit = (key: number, change: Partial<LineDraft>) =>
    props.onChange(props.lines.map((l) => (l.key === key ? { ...l, ...change } : l)));
  const err = (i: number, f: string) => errorFor(props.error, `lines.${i}.${f}`);
  return (
    <fieldset className="lines">
      <legend>Lines</legend>
      {errorFor(props.error, 'lines') && <p role="alert" className="error">{errorFor(props.error, 'lines')}</p>}
      <table>
        <thead>
          <tr>
            <th>Item</th>
            {props.withDescription && <th>Description</th>}
            <th>Quantity</th>
            {props.priceField && <th>{props.priceLabel ?? 'Price'}</th>}
            <th><span className="sr-only">Remove</span></th>
          </tr>
        </thead>
        <tbody>
          {props.lines.map((line, i) => (
            <tr key={line.key}>
              <td>
                <Lookup name={`lines.${i}.itemId`} label={`Item on line ${i + 1}`} value={line.item} search={props.search} invalid={Boolean(err(i, 'itemId'))} onChange={(item) => edit(line.key, { item })} />
                {err(i, 'itemId') && <span role="alert" className="error">{err(i, 'itemId')}</span>}
              </td>
              {props.withDescription && (
                <td>
                  <input aria-label={`Description on line ${i + 1}`} value={line.description} onChange={(e) => edit(line.key, { description: e.target.value })} />
                  {err(i, 'description') && <span role="alert" className="error">{err(i, 'description')}</span>}
                </td>
              )}
              <td>
                <input className="num" aria-label={`Quantity on line ${i + 1}`} inputMode="decimal" value={line.qty} aria-invalid={err(i, 'qty') ? true : undefined} onChange={(e) => edit(line.key, { qty: e.target.value })} />
                {err(i, 'qty') && <span role="alert" className="error">{err(i, 'qty')}</span>}
              </td>
              {props.priceField && (
                <td>
                  <input className="num" aria-label={`${props.priceLabel ?? 'Price'} on line ${i + 1}`} inputMode="decimal" placeholder="item's own" value={line.price} aria-invalid={err(i, props.priceField) ? true : undefined} onChange={(e) => edit(line.key, { price: e.target.value })} />
                  {err(i, props.priceField) && <span role="alert" className="error">{err(i, props.priceField)}</span>}
                </td>
              )}
              <td>
                <button type="button" className="secondary small" aria-label={`Remove line ${i + 1}`} disabled={props.lines.length === 1} onClick={() => props.onChange(props.lines.filter((l) => l.key !== line.key))}>✕</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="secondary" onClick={() => props.onChange([...props.lines, blankLine()])}>Add line</button>
    </fieldset>
  );
}
