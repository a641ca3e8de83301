/** The QuickBooks Online client: typed calls, limits, retries, refresh-on-401, errors as data. */
export type { QboObject, BatchOp, BatchResult, QboClient, CompanySummary } from './types';
export { QboError, type QboErrorKind, faultToError } from './errors';
export { parseFault, parseRetryAfter, type ParsedFault } from './faultParse';
export { createQboClient, type QboClientOptions } from './client';
export { RealmLimiter, defaultLimits, type LimiterOptions } from './limiter';
export { defaultRetry, type RetryOptions } from './retry';
export { realTime, type QboTime } from './time';
export type { AccessTokenProvider } from './tokens';
export { endpointsAt, intuitProduction, intuitSandbox, type QboEndpoints } from './endpoints';
export { redactSecrets, registerSecret } from '../../src-shared/redact';
export { cdcTooOld, CDC_MAX_DAYS } from './cdc';
