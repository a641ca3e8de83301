/** Messages on the WebSocket transport (headless mode and CLI `call` to a running host). */
import { z } from 'zod';
import type { Result } from './result';

export const wireRequestSchema = z.object({
  id: z.union([z.string().max(64), z.int()]),
  name: z.string().max(200),
  input: z.unknown().optional(),
});
export type WireRequest = z.infer<typeof wireRequestSchema>;

export interface WireResponse {
  id: string | number | null;
  result: Result<unknown>;
}

export interface WireEvent {
  event: string;
  payload: unknown;
}

export type WireMessage = WireResponse | WireEvent;

/** Largest message a transport accepts; bigger ones are refused before parsing. */
export const maxWireMessageBytes = 1024 * 1024;
