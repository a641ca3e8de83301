/** Calls one request on a running host over its WebSocket (used when another process owns the data folder). */
import WebSocket from 'ws';
import type { Result, WireMessage } from '../../src-shared/ipc';

const noAnswer = (why: string): Result<unknown> => ({ ok: false, error: { code: 'refused', message: `The running ShelfSync did not answer: ${why}` } });

/** Never throws: a host that is gone, closes early or answers something unreadable becomes a refusal. */
export async function callOverWebSocket(endpoint: string, name: string, input: unknown): Promise<Result<unknown>> {
  const ws = new WebSocket(endpoint);
  try {
    return await new Promise<Result<unknown>>((resolve) => {
      ws.once('error', (error) => resolve(noAnswer(`${error.message}. If it has stopped, run the command again.`)));
      ws.once('open', () => ws.send(JSON.stringify({ id: 1, name, input })));
      ws.on('message', (data: Buffer) => {
        let message: WireMessage;
        try {
          message = JSON.parse(data.toString()) as WireMessage;
        } catch {
          resolve(noAnswer('its answer was not JSON.'));
          return;
        }
        if ('id' in message && (message.id === 1 || message.id === null)) resolve(message.result);
      });
      ws.once('close', () => resolve(noAnswer('it closed the connection before answering.')));
    });
  } finally {
    ws.close();
  }
}
