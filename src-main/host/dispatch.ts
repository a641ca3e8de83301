/**
 * Answers one contract request, whichever transport brought it: the name must be in the contract, the
 * input is parsed with its schema before the handler sees it, and whatever the handler throws becomes
 * an answer (a refusal in words for a clerk, or an unexpected error logged with an id).
 */
import { z } from 'zod';
import { AppError, describeIssues, isRequestName, parseInput, requests, type AppErrorData, type HandlerFor, type RequestName, type Result } from '../../src-shared/ipc';
import type { ServiceContext } from '../db';
import { QboError } from '../qbo';

export type Handlers = { [N in RequestName]: HandlerFor<N, ServiceContext> };
type AnyHandler = (input: unknown, ctx: ServiceContext) => unknown;

export interface Dispatch {
  handlers: Handlers;
  ctx: ServiceContext;
  closed: () => boolean;
  /** Logs an error nobody expected and answers the refusal that names its id. */
  unexpected: (error: unknown, context: string) => { ok: false; error: AppErrorData };
}

export function createDispatcher(d: Dispatch): (name: string, input: unknown) => Promise<Result<unknown>> {
  return async (name, input) => {
    if (d.closed()) return { ok: false, error: { code: 'refused', message: 'ShelfSync is shutting down.' } };
    if (typeof name !== 'string' || !isRequestName(name)) {
      return { ok: false, error: { code: 'unknown_request', message: `There is no request named "${String(name).slice(0, 100)}".` } };
    }
    try {
      const parsed = parseInput(requests[name].input as z.ZodType, input ?? {}, name);
      if (!parsed.ok) return parsed;
      const handler = d.handlers[name] as AnyHandler;
      const value = await handler(parsed.value, d.ctx);
      return { ok: true, value };
    } catch (error) {
      // A refusal with words for a clerk is an answer; anything else is logged with an id.
      return expectedErrorData(error) ?? d.unexpected(error, `answering the request ${name}`);
    }
  };
}

/** The answer for an error a handler meant to give; null for one nobody expected. */
function expectedErrorData(error: unknown): { ok: false; error: AppErrorData } | null {
  if (error instanceof AppError) return { ok: false, error: error.toData() };
  if (error instanceof z.ZodError) return { ok: false, error: describeIssues(error) };
  // QuickBooks' faults carry a message written for a clerk (the raw HTTP error never leaves qbo/).
  if (error instanceof QboError) return { ok: false, error: { code: error.kind === 'validation' ? 'refused' : 'qbo', message: error.message } };
  // Unknown failures keep their message out of the answer (it may carry library internals): the log has it.
  return null;
}
