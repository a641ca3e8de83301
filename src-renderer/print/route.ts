/**
 * Print views are screens at `#print/<kind>?…` (e.g. `#print/pickList?orderId=…&from=picking`): an
 * ordinary page whose print CSS hides the app's frame. `from` is the screen Back returns to.
 */
export const printKinds = ['pickList', 'packingSlip', 'purchaseOrder', 'countSheet', 'itemLabels', 'binLabels'] as const;
export type PrintKind = (typeof printKinds)[number];

export interface PrintRoute {
  kind: PrintKind;
  params: URLSearchParams;
  from: string;
}

const isKind = (text: string): text is PrintKind => (printKinds as readonly string[]).includes(text);

/** The print view a hash names (without its #), or null when it names another screen. */
export function parsePrintRoute(hash: string): PrintRoute | null {
  const match = /^print\/([A-Za-z]+)(?:\?(.*))?$/.exec(hash);
  if (!match?.[1] || !isKind(match[1])) return null;
  const params = new URLSearchParams(match[2] ?? '');
  return { kind: match[1], params, from: params.get('from') ?? '' };
}

type Value = string | number | boolean | readonly string[] | undefined;

/** Opens a print view, remembering the screen it was opened from. */
export function openPrint(kind: PrintKind, values: Record<string, Value>): void {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === '' || value === false) continue;
    if (Array.isArray(value)) for (const v of value as readonly string[]) params.append(key, v);
    else params.set(key, value === true ? '1' : String(value));
  }
  params.set('from', location.hash.slice(1).split('?')[0] || 'inventory');
  location.hash = `print/${kind}?${params.toString()}`;
}
