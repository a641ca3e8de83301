// Public entry of the practice company: a QuickBooks Online look-alike on 127.0.0.1 for tests,
// benchmarks and the app's practice mode. It imports no other project code: it stands in for Intuit.

export { startPracticeCompany, type PracticeCompanyServer, type IssuedTokens } from './start.js';
export { runPracticeCli, parsePracticeArgs, COMPANY_FILE_NAME } from './cli.js';
export { DEFAULT_REDIRECT_URIS, type PracticeCompanyOptions } from './runtime.js';
export type { SeedSize } from './seed.js';
export { QBO_PLANS, type QboPlan } from './company-status.js';
export type { LimitSettings } from './limits.js';
export type { FaultKind, FaultMatch } from './faults.js';
export { createPrng, type Prng } from './prng.js';
