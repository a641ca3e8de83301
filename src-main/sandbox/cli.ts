// `shelfsync sandbox …`: starts the practice company, prints one JSON line with its addresses
// and app credentials, and serves until SIGINT or SIGTERM.

import { join } from 'node:path';
import { parsePlan, QBO_PLANS } from './company-status.js';
import { startSandbox } from './start.js';
import type { SandboxOptions } from './runtime.js';
import { SEED_SIZES, type SeedSize } from './seed.js';

export const COMPANY_FILE_NAME = 'practice-company.json';

export function parseSandboxArgs(argv: string[]): SandboxOptions {
  const opts: SandboxOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg ?? ''} needs a value`);
      return v;
    };
    const int = (): number => {
      const v = value();
      if (!/^\d+$/.test(v)) throw new Error(`${arg ?? ''} needs a whole number, got ${v}`);
      return Number(v);
    };
    switch (arg) {
      case '--port': opts.port = int(); break;
      case '--seed': opts.seed = int(); break;
      case '--data': opts.dataFile = join(value(), COMPANY_FILE_NAME); break;
      case '--size': {
        const size = value();
        if (!(SEED_SIZES as readonly string[]).includes(size)) throw new Error(`--size must be one of ${SEED_SIZES.join(', ')}`);
        opts.size = size as SeedSize;
        break;
      }
      case '--auto-consent': opts.autoConsent = true; break;
      case '--plan': {
        const text = value();
        const plan = parsePlan(text);
        if (plan === undefined) throw new Error(`--plan must be one of ${QBO_PLANS.join(', ')}, got ${text}`);
        opts.plan = plan;
        break;
      }
      default: throw new Error(`unknown option ${arg ?? ''}`);
    }
  }
  return opts;
}

export async function runSandboxCli(argv: string[]): Promise<void> {
  const sandbox = await startSandbox(parseSandboxArgs(argv));
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
