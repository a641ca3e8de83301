// Everything one running sandbox holds: the company, clock, tokens, limits, injected faults,
// request log and persistence, built from options or from the company file.

import { randomBytes } from 'node:crypto';
import { AccountingApi } from './api.js';
import { PracticeClock } from './clock.js';
import { Company } from './company.js';
import { freshStatus, showPlan, type CompanyStatus, type QboPlan } from './company-status.js';
import { ConsentFlow } from './consent.js';
import { FaultInjector } from './faults.js';
import { RequestIdCache } from './idempotency.js';
import { DEFAULT_LIMITS, RealmLimits, type LimitSettings } from './limits.js';
import { OAuthEndpoints } from './oauth.js';
import type { AppRegistration } from './oauth-config.js';
import { loadPracticeFile, Persister, type PracticeFile } from './persist.js';
import { RequestLog } from './request-log.js';
import { companyNameForSeed, seedCompany, type SeedSize } from './seed.js';
import { CompanyStore } from './store.js';
import { TokenStore } from './tokens.js';

export interface PracticeCompanyOptions {
  port?: number;
  dataFile?: string;
  seed?: number;
  size?: SeedSize;
  autoConsent?: boolean;
  clientId?: string;
  clientSecret?: string;
  redirectUris?: string[];
  limits?: Partial<LimitSettings>;
  /** Throttle answers in Intuit's XML (default true); false answers JSON, for tests that want it. */
  throttleXml?: boolean;
  appName?: string;
  /** The company's QuickBooks plan (default Plus); Simple Start and Essentials track no inventory. */
  plan?: QboPlan;
}

export const DEFAULT_REDIRECT_URIS = ['http://127.0.0.1/callback', 'http://localhost/callback'];

export class PracticeRuntime {
  readonly clock: PracticeClock;
  readonly app: AppRegistration;
  readonly tokens: TokenStore;
  readonly limits: RealmLimits;
  readonly faults = new FaultInjector();
  readonly log = new RequestLog();
  readonly requestIds: RequestIdCache;
  readonly oauth: OAuthEndpoints;
  readonly consent: ConsentFlow;
  readonly api: AccountingApi;
  readonly persister: Persister | undefined;
  company: Company;
  seed: number;
  size: SeedSize;
  throttleXml: boolean;
  /** Plan, subscription and closed books, set through the admin API; saved in the company file. */
  companyStatus: CompanyStatus;
  private readonly startPlan: QboPlan | undefined;

  constructor(opts: PracticeCompanyOptions) {
    const saved = opts.dataFile === undefined ? undefined : loadPracticeFile(opts.dataFile);
    this.seed = saved?.seed ?? opts.seed ?? 1;
    this.size = saved?.size ?? opts.size ?? 'tiny';
    this.clock = new PracticeClock(saved?.clockOffsetMs ?? 0);
    this.persister = opts.dataFile === undefined ? undefined : new Persister(opts.dataFile, () => this.snapshot());
    const store = saved ? CompanyStore.fromSnapshot(saved.store) : seedCompany(this.seed, this.size);
    this.company = this.companyOver(store);
    this.startPlan = opts.plan;
    this.companyStatus = { ...freshStatus(), ...saved?.companyStatus };
    if (opts.plan !== undefined) this.companyStatus.plan = opts.plan;
    showPlan(store, this.companyStatus.plan);
    this.app = {
      clientId: opts.clientId ?? saved?.app.clientId ?? `ABsandbox${randomBytes(16).toString('hex')}`,
      clientSecret: opts.clientSecret ?? saved?.app.clientSecret ?? randomBytes(24).toString('base64url'),
      redirectUris: opts.redirectUris ?? saved?.app.redirectUris ?? DEFAULT_REDIRECT_URIS,
      appName: opts.appName ?? 'ShelfSync',
      companyName: companyNameForSeed(this.seed),
      realmId: store.realmId,
    };
    this.tokens = new TokenStore(saved?.tokens);
    this.requestIds = new RequestIdCache(saved?.requestIds);
    this.limits = new RealmLimits({ ...DEFAULT_LIMITS, ...opts.limits });
    this.throttleXml = opts.throttleXml !== false;
    const now = (): number => this.clock.now();
    this.oauth = new OAuthEndpoints(this.app, this.tokens, now);
    this.consent = new ConsentFlow(this.app, this.tokens, opts.autoConsent === true, now);
    this.api = new AccountingApi({
      company: () => this.company,
      now,
      requestIds: this.requestIds,
      batchMaxItems: () => this.limits.settings.batchMaxItems,
      status: () => this.companyStatus,
    });
    if (this.persister && !saved) this.persister.markDirty();
  }

  private companyOver(store: CompanyStore): Company {
    return new Company(store, this.clock, () => this.changed());
  }

  changed(): void {
    this.persister?.markDirty();
  }

  /** Sets the plan and shows it in CompanyInfo and Preferences. */
  setPlan(plan: QboPlan): void {
    this.companyStatus.plan = plan;
    showPlan(this.company.store, plan);
    this.changed();
  }

  /** Replaces the company with a fresh seed (and the plan it started with); the app registration and its tokens stay. */
  reset(seed: number, size: SeedSize): void {
    // The realm stays the same so connected clients stay connected across resets.
    const store = seedCompany(seed, size, this.app.realmId);
    this.seed = seed;
    this.size = size;
    this.company = this.companyOver(store);
    this.requestIds.clear();
    this.limits.reset();
    this.companyStatus = freshStatus(this.startPlan);
    showPlan(store, this.companyStatus.plan);
    this.changed();
  }

  snapshot(): PracticeFile {
    return {
      version: 1,
      seed: this.seed,
      size: this.size,
      clockOffsetMs: this.clock.offset,
      app: { clientId: this.app.clientId, clientSecret: this.app.clientSecret, redirectUris: this.app.redirectUris },
      store: this.company.store.snapshot(),
      tokens: this.tokens.snapshot(),
      requestIds: this.requestIds.snapshot(),
      companyStatus: { ...this.companyStatus },
    };
  }
}
