import { describe, expect, it } from 'vitest';
import { QboError } from '../../../src-main/qbo/errors';
import { defaultRetry, isRetryable, retryDelay } from '../../../src-main/qbo/retry';

const err = (kind: QboError['kind'], retryAfterMs?: number) =>
  new QboError({ kind, message: 'm', ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });

describe('retry timing', () => {
  it('retries throttling, server and network failures only', () => {
    expect(['throttled', 'server', 'network'].every((k) => isRetryable(err(k as QboError['kind'])))).toBe(true);
    expect(['stale', 'duplicate', 'validation', 'notFound', 'auth'].some((k) => isRetryable(err(k as QboError['kind'])))).toBe(false);
  });

  it('waits what Retry-After says, else a minute after a throttle, else exponential with jitter', () => {
    expect(retryDelay(err('throttled', 5000), 1, defaultRetry, 0)).toBe(5000);
    expect(retryDelay(err('throttled'), 1, defaultRetry, 0)).toBe(60_000);
    expect(retryDelay(err('server'), 1, defaultRetry, 0)).toBe(500);
    expect(retryDelay(err('server'), 3, defaultRetry, 0.999)).toBeLessThanOrEqual(4000);
    expect(retryDelay(err('server'), 3, defaultRetry, 0)).toBe(2000);
    expect(retryDelay(err('network'), 10, defaultRetry, 0.5)).toBeLessThanOrEqual(defaultRetry.maxDelayMs);
  });
});
