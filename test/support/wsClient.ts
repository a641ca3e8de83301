/** A minimal contract client over the headless WebSocket, for integration tests. */
import WebSocket from 'ws';
import type { Result, WireMessage } from '../../src-shared/ipc';

export interface TestSocket {
  call(name: string, input?: unknown): Promise<Result<unknown>>;
  sendRaw(text: string): Promise<WireMessage>;
  events: { event: string; payload: unknown }[];
  close(): void;
}

export async function openSocket(wsUrl: string): Promise<TestSocket> {
  const ws = new WebSocket(wsUrl);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const events: { event: string; payload: unknown }[] = [];
  const waiting: ((m: WireMessage) => void)[] = [];
  const byId = new Map<string | number, (r: Result<unknown>) => void>();
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as WireMessage;
    if ('event' in message) {
      events.push(message);
      return;
    }
    const resolve = message.id === null ? undefined : byId.get(message.id);
    if (resolve && message.id !== null) {
      byId.delete(message.id);
      resolve(message.result);
    } else {
      waiting.shift()?.(message);
    }
  });
  let nextId = 1;
  return {
    events,
    call(name, input = {}) {
      const id = nextId++;
      return new Promise((resolve) => {
        byId.set(id, resolve);
        ws.send(JSON.stringify({ id, name, input }));
      });
    },
    sendRaw(text) {
      return new Promise((resolve) => {
        waiting.push(resolve);
        ws.send(text);
      });
    },
    close: () => ws.close(),
  };
}
