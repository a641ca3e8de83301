/**
 * The boot's early answers (`src-renderer/api/early.ts`) over a real host as the bridge (the same
 * `invoke`/`on` the preload and the WebSocket give the page): the first screen's reads are answered
 * once each, and never after something may have changed what they read.
 */
import { describe, expect, it } from 'vitest';
import type { Item, RequestOutput, Result, ShelfSyncBridge } from '../../src-shared/ipc';
import { earlyAnswers, earlyWindowMs } from '../../src-renderer/api/early';
import { firstPageQuery } from '../../src-renderer/inventory/query';
import { startWarehouse, type Warehouse } from '../warehouse/harness';

/** The host as the page's bridge, counting the requests that reach it. */
function bridgeTo(w: Warehouse): ShelfSyncBridge & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    invoke(name, input) {
      asked.push(name);
      return w.host.invoke(name, input);
    },
    on: (listener) => w.host.on(listener),
  };
}

const names = async (answer: Promise<Result<unknown>> | undefined) => {
  const result = (await answer) as Result<RequestOutput<'items.list'>> | undefined;
  if (!result?.ok) throw new Error('expected a page of items');
  return result.value.rows.map((row: Item) => row.name);
};

describe('early answers at boot', () => {
  it('the first call with the same request and input takes the answer already asked for, once', async () => {
    const w = startWarehouse();
    await w.call('items.create', { name: 'Early bolt' });
    const bridge = bridgeTo(w);
    const early = earlyAnswers(bridge);
    early.ask('items.list', firstPageQuery());
    expect(bridge.asked).toEqual(['items.list']);
    // The same input with its fields in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(firstPageQuery()).reverse());
    expect(await names(early.take('items.list', reordered))).toEqual(['Early bolt']);
    // Taken once: the next call goes to the host.
    expect(early.take('items.list', firstPageQuery())).toBeUndefined();
    // Another input is another request.
    early.ask('items.list', firstPageQuery());
    expect(early.take('items.list', { ...firstPageQuery(), search: 'bolt' })).toBeUndefined();
  });

  it('a request of another name (a write) drops what was asked for early', () => {
    const w = startWarehouse();
    const early = earlyAnswers(bridgeTo(w));
    early.ask('items.list', firstPageQuery());
    early.ask('sites.list', {});
    expect(early.take('items.create', { name: 'Written before the list was shown' })).toBeUndefined();
    expect(early.take('items.list', firstPageQuery())).toBeUndefined();
    expect(early.take('sites.list', {})).toBeUndefined();
  });

  it('an event from the host (stock moved) drops what was asked for early', async () => {
    const w = startWarehouse();
    const item = await w.call('items.create', { name: 'Moving bolt' });
    const early = earlyAnswers(bridgeTo(w));
    early.ask('items.list', firstPageQuery());
    await w.call('stock.adjust', { itemId: item.id, qtyDiff: '5', reason: 'found' });
    expect(early.take('items.list', firstPageQuery())).toBeUndefined();
  });

  it('an answer not taken within the boot window is dropped', () => {
    const w = startWarehouse();
    let now = 1_000;
    const early = earlyAnswers(bridgeTo(w), () => now);
    early.ask('sites.list', {});
    now += earlyWindowMs + 1;
    expect(early.take('sites.list', {})).toBeUndefined();
  });
});
