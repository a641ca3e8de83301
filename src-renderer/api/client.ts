/** The typed API the screens use: request names and shapes come from the contract. */
import type {
  EventName,
  EventPayload,
  RequestInput,
  RequestName,
  RequestOutput,
  Result,
  ShelfSyncBridge,
} from '../../src-shared/ipc';
import { connectTransport } from './transport';
import { earlyAnswers, type EarlyAnswers } from './early';

export interface Api {
  call<N extends RequestName>(name: N, input: RequestInput<N>): Promise<Result<RequestOutput<N>>>;
  /** Asks now, at boot, for what the first screen will call (`api/early.ts`); that call takes this answer. */
  early<N extends RequestName>(name: N, input: RequestInput<N>): void;
  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void;
}

export function createApi(bridge: ShelfSyncBridge, kept: EarlyAnswers = earlyAnswers(bridge)): Api {
  return {
    call: (name, input) => (kept.take(name, input) ?? bridge.invoke(name, input)) as Promise<Result<RequestOutput<typeof name>>>,
    early: (name, input) => kept.ask(name, input),
    on: (name, listener) =>
      bridge.on((event, payload) => {
        if (event === name) listener(payload as EventPayload<typeof name>);
      }),
  };
}

export const api: Api = createApi(connectTransport());
