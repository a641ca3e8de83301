/** What every service handler is given by the host. */
import type { Clock, Ids } from '../../src-shared/effects';
import type { EventName, EventPayload } from '../../src-shared/ipc';
import type { Db } from './database';

export interface ServiceContext {
  db: Db;
  clock: Clock;
  ids: Ids;
  emit<N extends EventName>(name: N, payload: EventPayload<N>): void;
}
