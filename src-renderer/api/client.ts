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

export interface Api {
  call<N extends RequestName>(name: N, input: RequestInput<N>): Promise<Result<RequestOutput<N>>>;
  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void;
}

export function createApi(bridge: ShelfSyncBridge): Api {
  return {
    call: (name, input) => bridge.invoke(name, input) as Promise<Result<RequestOutput<typeof name>>>,
    on: (name, listener) =>
      bridge.on((event, payload) => {
        if (event === name) listener(payload as EventPayload<typeof name>);
      }),
  };
}

export const api: Api = createApi(connectTransport());
