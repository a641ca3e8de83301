/** Helpers to declare requests and events once; types are inferred from the schemas. */
import type { z } from 'zod';

export interface RequestDef<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  description: string;
}

export function request<I extends z.ZodType, O extends z.ZodType>(
  description: string,
  input: I,
  output: O,
): RequestDef<I, O> {
  return { input, output, description };
}

export interface EventDef<P extends z.ZodType> {
  payload: P;
  description: string;
}

export function event<P extends z.ZodType>(description: string, payload: P): EventDef<P> {
  return { payload, description };
}
