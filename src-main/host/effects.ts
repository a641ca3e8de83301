/** Default effects for a real run; tests pass their own. */
import { randomUUID } from 'node:crypto';
import type { Clock, Ids } from '../../src-shared/effects';

export const systemClock: Clock = { now: () => new Date() };
export const randomIds: Ids = { uuid: () => randomUUID() };
