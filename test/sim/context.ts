/** What every scenario step works with: the seeded dice, the practice company, the host, the model and the trace. */
import type { Result } from '../../src-shared/ipc';
import type { Prng as Rng, Sandbox } from '../../src-main/sandbox';
import type { SimHost } from './simHost';
import type { Model } from './model';

export type Json = Record<string, unknown>;

export interface Ctx {
  seed: number;
  rng: Rng;
  sb: Sandbox;
  host: SimHost;
  model: Model;
  trace: string[];
  violations: string[];
  step: number;
}

/** The practice company's admin API: acting as a QuickBooks user, faults, and reading its books. */
export async function admin(sb: Sandbox, method: string, path: string, body?: unknown): Promise<Json> {
  const res = await fetch(`${sb.adminUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = (await res.json()) as Json;
  // A QuickBooks-side edit the practice company refuses would leave the model believing it happened.
  if (!res.ok) throw new Error(`the practice company refused ${method} ${path}: ${JSON.stringify(answer).slice(0, 300)}`);
  return answer;
}

/** Every object in the practice company's books, by entity. */
export async function dumpEntities(sb: Sandbox): Promise<Record<string, Json[]>> {
  return (await admin(sb, 'GET', '/dump')).entities as Record<string, Json[]>;
}

/** Calls a request; an `internal` error is a violation (the host must never fail inside). */
export async function call<T>(c: Ctx, name: string, input: unknown = {}): Promise<Result<T>> {
  const result = (await c.host.call(name, input)) as Result<T>;
  if (!result.ok && result.error.code === 'internal') c.violations.push(`${name} answered an internal error: ${result.error.message}`);
  return result;
}

export async function must<T>(c: Ctx, name: string, input: unknown = {}): Promise<T> {
  const result = await call<T>(c, name, input);
  if (!result.ok) throw new Error(`${name} refused during setup: ${result.error.message}`);
  return result.value;
}

/** A tag unique within the batch, for names, numbers and notes a step makes. */
export const tag = (c: Ctx) => `${c.seed}-${c.step}`;
