/** The contract: every request and event between a transport and the host, declared once. */
import type { z } from 'zod';
import { appRequests } from './app';
import { settingsEvents, settingsRequests } from './settings';
import { connectionEvents, connectionRequests } from './connection';

export const requests = {
  ...appRequests,
  ...settingsRequests,
  ...connectionRequests,
};

export const events = {
  ...settingsEvents,
  ...connectionEvents,
};

export type Requests = typeof requests;
export type RequestName = keyof Requests;
export type RequestInput<N extends RequestName> = z.input<Requests[N]['input']>;
export type RequestOutput<N extends RequestName> = z.output<Requests[N]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<N extends EventName> = z.output<Events[N]['payload']>;

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.hasOwn(requests, name);
}

export * from './result';
export * from './app';
export * from './settings';
export * from './connection';
export * from './issues';
export * from './handlers';
export * from './wire';
export * from './bridge';
