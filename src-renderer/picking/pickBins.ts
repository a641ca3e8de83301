/** The open order's lines in bin order (one walk through the warehouse) with each line's primary bin at the order's site. */
import { useEffect, useState } from 'react';
import type { PickingOrder } from '../../src-shared/ipc';
import { api } from '../api/client';

type Line = PickingOrder['lines'][number];

/** Lines still to pick in the order bins.pickList gives, then the rest as they are; and the bin of each line. */
export function usePickBins(order: PickingOrder | null): { lines: Line[]; binOf: (lineId: string) => string | null } {
  const [bins, setBins] = useState<{ orderId: string; order: string[]; bin: Record<string, string | null> } | null>(null);
  const id = order?.id;
  const version = order?.updatedAt;
  useEffect(() => {
    if (id === undefined) return;
    let live = true;
    void api.call('bins.pickList', { orderId: id }).then((r) => {
      if (!live || !r.ok) return;
      setBins({ orderId: id, order: r.value.lines.map((l) => l.lineId), bin: Object.fromEntries(r.value.lines.map((l) => [l.lineId, l.bin])) });
    });
    return () => {
      live = false;
    };
  }, [id, version]);
  const known = bins && bins.orderId === id ? bins : null;
  const all = order?.lines ?? [];
  if (!known) return { lines: all, binOf: () => null };
  const rank = (l: Line) => {
    const at = known.order.indexOf(l.id);
    return at === -1 ? known.order.length + all.indexOf(l) : at;
  };
  return { lines: [...all].sort((a, b) => rank(a) - rank(b)), binOf: (lineId) => known.bin[lineId] ?? null };
}
