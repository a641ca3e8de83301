/**
 * intuit-oauth retries a failed token call itself (500/503/429 and dropped connections) after 1, 2 and
 * 4 s. Scenarios that inject such faults shorten that pause, so a few hundred of them fit in CI; which
 * answers are retried, and how many times, stay the library's own.
 */
import OAuthClient from 'intuit-oauth';

interface RetryConfig {
  retryDelay: number;
}

export function quickOAuthRetries(delayMs = 20): void {
  const config = (OAuthClient as unknown as { retryConfig?: RetryConfig }).retryConfig;
  if (typeof config?.retryDelay !== 'number') throw new Error('intuit-oauth no longer has retryConfig.retryDelay: update quickOAuthRetries');
  config.retryDelay = delayMs;
}
