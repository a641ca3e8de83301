/**
 * Every request of the contract, fed generated invalid and hostile inputs over the real WebSocket of a
 * real headless host, and a sample through the CLI: no crash, the host keeps serving, nothing written
 * (a dump of every SQLite table is the same before and after), and a bad field is named.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests, type RequestName, type Result } from '../../src-shared/ipc';
import { startTestHost, type RunningHost } from '../support/host';
import { openSocket, type TestSocket } from '../support/wsClient';
import { runCli } from '../support/cli';
import { samples } from '../contract/samples';

let running: RunningHost;
let socket: TestSocket;
beforeAll(async () => {
  running = await startTestHost();
  socket = await openSocket(running.server.wsUrl);
  // Something to refuse things against: an item with stock, a customer, an order.
  const item = await socket.call('items.create', { name: 'Fuzz bolt' });
  if (!item.ok) throw new Error(item.error.message);
  const itemId = (item.value as { id: string }).id;
  await socket.call('stock.adjust', { itemId, qtyDiff: '5', reason: 'opening' });
  const customer = await socket.call('customers.create', { displayName: 'Fuzz customer' });
  if (customer.ok) await socket.call('orders.create', { customerId: (customer.value as { id: string }).id, lines: [{ itemId, qty: '1' }] });
});
afterAll(async () => {
  socket.close();
  await running.stop();
});

/** Every row of every table, to prove a refused request wrote nothing. */
function dumpTables(dataDir: string): string {
  const db = new Database(path.join(dataDir, 'shelfsync.db'), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()]));
  } finally {
    db.close();
  }
}

const names = Object.keys(requests) as RequestName[];
/** Requests that write when given a valid input (everything but reads). */
const reads = /\.(list|get|status|info|history|errors|preview|movements|findByBarcode|drift|exportErrors)$/;

const hostile = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom("'; DROP TABLE items; --", '1 OR 1=1', '\u0000', '\u202e', '𝕏'.repeat(40), 'x'.repeat(100_000), '../../etc/passwd', '__proto__'),
  fc.constantFrom(-1, -0.5, 1e308, Number.MAX_SAFE_INTEGER + 2, 0.1 + 0.2),
  fc.constantFrom(null, true, false, [], {}, [[[]]]),
  fc.double(),
  fc.integer(),
);
/** A non-finite number cannot cross JSON; send what a client would: null, or the raw token in text. */
const quantityLike = fc.constantFrom('-1', '-0', 'NaN', 'Infinity', '-Infinity', '1e400', '0x10', '1,5', ' 1', '', '9'.repeat(40), '0.00001', '-99999999999');

/** An object input with one field spoiled: the field a request takes, or an unknown one. */
function spoiled(name: RequestName) {
  const base = (samples[name].valid[0] ?? {}) as Record<string, unknown>;
  const keys = Object.keys(base);
  return fc.record({
    key: keys.length > 0 ? fc.oneof(fc.constantFrom(...keys), fc.constantFrom('zz', '__proto__x', 'constructor')) : fc.constantFrom('zz', 'constructor'),
    value: fc.oneof(hostile, quantityLike),
  }).map(({ key, value }) => ({ input: { ...base, [key]: value }, key }));
}

/**
 * Only `key` was spoiled (the rest is a valid sample), so a refusal for bad input must name that field
 * (or a field inside it, e.g. `lines.0.qty` for `lines`), never another one.
 */
let namedChecked = 0;
function expectNamedRefusal(result: Result<unknown>, key: string, name: string, input: unknown): void {
  if (result.ok) return;
  const what = `${name} with ${key} spoiled: ${JSON.stringify(input).slice(0, 200)} → ${result.error.message}`;
  expect(result.error.code, what).not.toBe('internal');
  if (result.error.code === 'invalid_input') {
    expect(result.error.field, what).toBeTruthy();
    const field = result.error.field ?? '';
    expect(field === key || field.startsWith(`${key}.`), `${what}: names "${field}", not "${key}"`).toBe(true);
    namedChecked++;
  } else {
    expect(result.error.message.length, what).toBeGreaterThan(0);
  }
}

describe('hostile inputs over the WebSocket', () => {
  it('refuses spoiled inputs for every request without an internal error, and names the field', async () => {
    for (const name of names) {
      if (name === 'backup.restore' || name === 'backup.create' || name === 'connection.connect' || name === 'practice.reset') continue;
      await fc.assert(
        fc.asyncProperty(spoiled(name), async ({ input, key }) => {
          const result = await socket.call(name, input);
          expectNamedRefusal(result, key, name, input);
        }),
        { numRuns: 12, seed: 4242 },
      );
    }
    // Most spoiled inputs are refused for bad input: the field check above ran on each of them.
    expect(namedChecked).toBeGreaterThan(names.length * 4);
  }, 120_000);

  it('writes nothing when a writing request is refused, and keeps serving', async () => {
    const writers = names.filter((n) => !reads.test(n) && !n.startsWith('sync.') && !n.startsWith('connection.') && !n.startsWith('backup.') && n !== 'practice.reset');
    const before = dumpTables(running.dataDir);
    let refused = 0;
    for (const name of writers) {
      for (const { input } of samples[name].invalid) {
        const result = await socket.call(name, input);
        expect(result.ok, `${name} accepted ${JSON.stringify(input)}`).toBe(false);
        refused++;
      }
      await fc.assert(
        fc.asyncProperty(fc.oneof(hostile, fc.array(hostile, { maxLength: 3 })), async (input) => {
          const result = await socket.call(name, input);
          expect(result.ok, `${name} accepted ${JSON.stringify(input).slice(0, 100)}`).toBe(false);
          if (!result.ok) expect(result.error.code).toBe('invalid_input');
        }),
        { numRuns: 5, seed: 7 },
      );
    }
    expect(refused).toBeGreaterThan(50);
    expect(dumpTables(running.dataDir)).toBe(before);
    expect(await socket.call('app.info')).toMatchObject({ ok: true });
  }, 120_000);

  it('answers unknown requests, broken envelopes and an oversized message without falling over', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), async (name) => {
        fc.pre(!Object.hasOwn(requests, name));
        const result = await socket.call(name, {});
        expect(result).toMatchObject({ ok: false });
        if (!result.ok) expect(['unknown_request', 'invalid_input']).toContain(result.error.code);
      }),
      { numRuns: 40, seed: 99 },
    );
    for (const raw of ['', 'null', '[]', '{"id":{},"name":"app.info"}', '{"id":1}', `{"id":1,"name":"${'a'.repeat(500)}"}`, '\u0000\u0001']) {
      expect(await socket.sendRaw(raw)).toMatchObject({ id: null, result: { ok: false, error: { code: 'invalid_input' } } });
    }
    const before = dumpTables(running.dataDir);
    // Over 1 MiB: the socket is closed by the server; the host stays up for everyone else.
    const big = await openSocket(running.server.wsUrl);
    const closed = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 3000);
      void big.call('items.create', { name: 'x'.repeat(1024 * 1024 + 10) }).then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    await closed;
    big.close();
    const fresh = await openSocket(running.server.wsUrl);
    expect(await fresh.call('app.info')).toMatchObject({ ok: true });
    fresh.close();
    expect(dumpTables(running.dataDir)).toBe(before);
  }, 60_000);
});

describe('hostile inputs through the CLI', () => {
  it('refuses a sample of bad calls with exit code 1 and the field on stderr, writing nothing', async () => {
    const dataDir = running.dataDir;
    const before = dumpTables(dataDir);
    const cases: [string, string, string][] = [
      ['stock.adjust', '{"itemId":"x","qtyDiff":"NaN","reason":"r"}', 'qtyDiff'],
      ['items.create', `{"name":"${'n'.repeat(300)}"}`, 'name'],
      ['customers.create', '{"displayName":"ok","email":"\'; DROP TABLE customers; --"}', 'email'],
      ['counts.enter', '{"countId":"c","itemId":"i","counted":"-1"}', 'counted'],
    ];
    for (const [name, input, field] of cases) {
      const out = await runCli(['call', name, input, '--data', dataDir]);
      expect(out.code, out.stderr).toBe(1);
      expect((JSON.parse(out.stderr.trim().split('\n').at(-1) ?? '{}') as { field?: string }).field).toBe(field);
    }
    const unknown = await runCli(['call', 'nothing.here', '{}', '--data', dataDir]);
    expect(unknown.code).toBe(1);
    expect(dumpTables(dataDir)).toBe(before);
  }, 120_000);
});
