/** How long to wait before trying a failed request again: exponential with jitter, Retry-After first. */
import type { QboError } from './errors';

export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Intuit says to wait 60 s after a throttle answer that names no Retry-After. */
  throttleDelayMs: number;
}

export const defaultRetry: RetryOptions = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 30_000, throttleDelayMs: 60_000 };

export function isRetryable(error: QboError): boolean {
  return error.kind === 'throttled' || error.kind === 'server' || error.kind === 'network';
}

/** Delay before attempt `attempt + 1` (attempt counts from 1), with `random` in [0, 1). */
export function retryDelay(error: QboError, attempt: number, options: RetryOptions, random: number): number {
  if (error.retryAfterMs !== undefined) return error.retryAfterMs + Math.round(random * 250);
  if (error.kind === 'throttled') return Math.round(options.throttleDelayMs * (1 + random * 0.25));
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  // "Equal jitter": at least half the ceiling, so retries spread out but never hammer.
  return Math.round(ceiling / 2 + (random * ceiling) / 2);
}
