/**
 * Practice mode as the connection runs it: the practice company started from the data folder, the
 * app keys and endpoints it answers on, and the file where its tokens are kept.
 */
import path from 'node:path';
import { endpointsAt, type QboEndpoints } from '../qbo';
import type { QboAppConfig } from './appConfig';
import type { PracticeCompany, PracticeLauncher } from './practice';
import { practiceFileSecretStore, type SecretStore } from './secretStore';

/** The practice company's folder inside the data folder. */
export const PRACTICE_DIR = 'practice';

export interface PracticeSetup {
  company: PracticeCompany;
  app: QboAppConfig;
  endpoints: QboEndpoints;
  store: SecretStore;
}

export class PracticeMode {
  private company: PracticeCompany | null = null;

  constructor(
    private readonly launcher: PracticeLauncher | undefined,
    private readonly dataDir: string,
  ) {}

  /** Whether this host can run a practice company at all. */
  get available(): boolean {
    return this.launcher !== undefined;
  }

  get running(): PracticeCompany | null {
    return this.company;
  }

  /** Starts the practice company (or reuses the running one); answers how to reach it. */
  async open(): Promise<PracticeSetup> {
    if (!this.launcher) throw new Error('This host cannot start a practice company.');
    const dir = path.join(this.dataDir, PRACTICE_DIR);
    const company = this.company ?? (await this.launcher(dir));
    this.company = company;
    const endpoints = endpointsAt(company.baseUrl);
    const app: QboAppConfig = { clientId: company.clientId, clientSecret: company.clientSecret, environment: 'sandbox' };
    return { company, app, endpoints, store: practiceFileSecretStore(dir) };
  }

  async stop(): Promise<void> {
    const company = this.company;
    this.company = null;
    if (company) await company.close();
  }
}
