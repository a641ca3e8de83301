/** What every scenario step works with: the seeded dice, the practice company, the host, the model and the trace. */
import type { Result } from '../../src-shared/ipc';
import type { Prng as Rng, PracticeCompanyServer } from '../../src-main/sandbox';
import type { SimHost } from './simHost';
import type { Model } from './model';

export type Json = Record<string, unknown>;

export interface Ctx {
  seed: number;
  rng: Rng;
  sb: PracticeCompanyServer;
  host: SimHost;
  model: Model;
  trace: string[];
  violations: string[];
  step: number;
}

// The practice company's admin API; `admin` throws on a refusal, since a QuickBooks-side edit the
// practice company refused would leave the model believing it happened.
export { admin, dumpEntities } from '../support/practiceAdmin';

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
