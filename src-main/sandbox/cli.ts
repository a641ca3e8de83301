// `shelfsync sandbox …`: starts the practice company, prints one JSON line with its addresses
// and app credentials, and serves until SIGINT or SIGTERM.

import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parsePlan, QBO_PLANS } from './company-status.js';
import { startPracticeCompany } from './start.js';
import type { PracticeCompanyOptions } from './runtime.js';
import { SEED_SIZES, type SeedSize } from './seed.js';

export const COMPANY_FILE_NAME = 'practice-company.json';

const FLAGS = {
  port: { type: 'string' },
  seed: { type: 'string' },
  data: { type: 'string' },
  size: { type: 'string' },
  plan: { type: 'string' },
  'auto-consent': { type: 'boolean' },
} as const;

/** Reads the flags with Node's `util.parseArgs`; the wording of its refusals is ours. */
export function parsePracticeArgs(argv: string[]): PracticeCompanyOptions {
  const { tokens } = parseArgs({ args: argv, options: FLAGS, allowPositionals: true, strict: false, tokens: true });
  const opts: PracticeCompanyOptions = {};
  for (const token of tokens) {
    if (token.kind !== 'option' || !token.rawName.startsWith('--') || !Object.hasOwn(FLAGS, token.name)) {
      throw new Error(`unknown option ${argv[token.index] ?? ''}`);
    }
    const flag = token.rawName;
    const value = (): string => {
      if (token.value === undefined) throw new Error(`${flag} needs a value`);
      return token.value;
    };
    const int = (): number => {
      const v = value();
      if (!/^\d+$/.test(v)) throw new Error(`${flag} needs a whole number, got ${v}`);
      return Number(v);
    };
    switch (token.name) {
      case 'port': opts.port = int(); break;
      case 'seed': opts.seed = int(); break;
      case 'data': opts.dataFile = join(value(), COMPANY_FILE_NAME); break;
      case 'size': {
        const size = value();
        if (!(SEED_SIZES as readonly string[]).includes(size)) throw new Error(`--size must be one of ${SEED_SIZES.join(', ')}`);
        opts.size = size as SeedSize;
        break;
      }
      case 'plan': {
        const text = value();
        const plan = parsePlan(text);
        if (plan === undefined) throw new Error(`--plan must be one of ${QBO_PLANS.join(', ')}, got ${text}`);
        opts.plan = plan;
        break;
      }
      default: opts.autoConsent = true;
    }
  }
  return opts;
}

export async function runPracticeCli(argv: string[]): Promise<void> {
  const sandbox = await startPracticeCompany(parsePracticeArgs(argv));
  const { baseUrl, adminUrl, clientId, clientSecret, realmId, redirectUris } = sandbox;
  process.stdout.write(`${JSON.stringify({ baseUrl, adminUrl, clientId, clientSecret, realmId, redirectUris })}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await sandbox.close();
}
