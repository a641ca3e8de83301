/** Calls one request on a running host over its WebSocket (used when another process owns the data folder). */
import WebSocket from 'ws';
import type { Result, WireMessage } from '../../src-shared/ipc';

export async function callOverWebSocket(endpoint: string, name: string, input: unknown): Promise<Result<unknown>> {
  const ws = new WebSocket(endpoint);
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    ws.send(JSON.stringify({ id: 1, name, input }));
    return await new Promise<Result<unknown>>((resolve, reject) => {
      ws.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString()) as WireMessage;
        if ('id' in message && message.id === 1) resolve(message.result);
      });
      ws.once('close', () => reject(new Error('The running ShelfSync closed the connection before answering.')));
    });
  } finally {
    ws.close();
  }
}
