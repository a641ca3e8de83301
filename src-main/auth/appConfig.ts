/**
 * ShelfSync's QuickBooks app keys (client id and secret, from the Intuit developer portal) and the
 * redirect URI. They come from the environment or from a settings file beside the data, never from
 * the database and never into logs.
 *
 *   SHELFSYNC_QBO_CLIENT_ID, SHELFSYNC_QBO_CLIENT_SECRET   the app keys
 *   SHELFSYNC_QBO_REDIRECT_URI    optional; see connectFlow.ts (loopback for development keys, https relay for production)
 *   SHELFSYNC_QBO_ENVIRONMENT     production (default) | sandbox (Intuit's developer sandbox companies)
 *   SHELFSYNC_QBO_APP_FILE        a JSON file {clientId, clientSecret, redirectUri?, environment?};
 *                                 default <dataDir>/quickbooks-app.json (keep it mode 0600)
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { registerSecret } from '../../src-shared/redact';

export interface QboAppConfig {
  clientId: string;
  clientSecret: string;
  redirectUri?: string;
  environment: 'production' | 'sandbox';
}

const fileSchema = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  redirectUri: z.string().optional(),
  environment: z.enum(['production', 'sandbox']).optional(),
});

export const APP_FILE_NAME = 'quickbooks-app.json';

export function loadQboAppConfig(dataDir: string, env: NodeJS.ProcessEnv = process.env): QboAppConfig | null {
  const environment = env.SHELFSYNC_QBO_ENVIRONMENT === 'sandbox' ? 'sandbox' : 'production';
  let config: QboAppConfig | null = null;
  if (env.SHELFSYNC_QBO_CLIENT_ID && env.SHELFSYNC_QBO_CLIENT_SECRET) {
    config = { clientId: env.SHELFSYNC_QBO_CLIENT_ID, clientSecret: env.SHELFSYNC_QBO_CLIENT_SECRET, environment };
    if (env.SHELFSYNC_QBO_REDIRECT_URI) config.redirectUri = env.SHELFSYNC_QBO_REDIRECT_URI;
  } else {
    const file = env.SHELFSYNC_QBO_APP_FILE ?? path.join(dataDir, APP_FILE_NAME);
    try {
      const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      if (parsed.success) {
        config = { clientId: parsed.data.clientId, clientSecret: parsed.data.clientSecret, environment: parsed.data.environment ?? environment };
        const redirect = env.SHELFSYNC_QBO_REDIRECT_URI ?? parsed.data.redirectUri;
        if (redirect) config.redirectUri = redirect;
      }
    } catch {
      config = null;
    }
  }
  if (config) registerSecret(config.clientSecret);
  return config;
}
