/** The contract: every request and event between a transport and the host, declared once. */
import type { z } from 'zod';
import { appRequests } from './app';
import { settingsEvents, settingsRequests } from './settings';
import { connectionEvents, connectionRequests } from './connection';
import { itemRequests } from './items';
import { stockEvents, stockRequests } from './stock';
import { countRequests } from './counts';
import { partyRequests } from './parties';
import { orderRequests } from './orders';
import { purchaseOrderRequests } from './purchaseOrders';
import { documentRequests } from './documents';
import { auditRequests } from './audit';
import { backupRequests } from './backup';
import { syncEvents, syncRequests } from './sync';
import { conflictRequests } from './conflicts';
import { reorderRequests } from './reorder';
import { exportRequests } from './exports';
import { valuationRequests } from './valuation';
import { binRequests } from './bins';
import { printRequests } from './print';

export const requests = {
  ...appRequests,
  ...settingsRequests,
  ...connectionRequests,
  ...itemRequests,
  ...stockRequests,
  ...countRequests,
  ...partyRequests,
  ...orderRequests,
  ...purchaseOrderRequests,
  ...documentRequests,
  ...auditRequests,
  ...backupRequests,
  ...syncRequests,
  ...conflictRequests,
  ...reorderRequests,
  ...exportRequests,
  ...valuationRequests,
  ...binRequests,
  ...printRequests,
};

export const events = {
  ...settingsEvents,
  ...connectionEvents,
  ...stockEvents,
  ...syncEvents,
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
export * from './fields';
export * from './items';
export * from './stock';
export * from './counts';
export * from './parties';
export * from './orders';
export * from './purchaseOrders';
export * from './documents';
export * from './audit';
export * from './backup';
export * from './sync';
export * from './conflicts';
export * from './reorder';
export * from './exports';
export * from './valuation';
export * from './bins';
export * from './print';
export * from './issues';
export * from './fieldWords';
export * from './handlers';
export * from './wire';
export * from './bridge';
