/**
 * One sign-in as the connection manager starts it: runs the OAuth flow (connectFlow.ts), keeps the
 * tokens in the secret store, and drafts the record of the company that was connected. The manager
 * then decides whether the attempt still counts and makes it the active session.
 */
import type { QboEndpoints } from '../qbo';
import type { QboAppConfig } from './appConfig';
import { runConnectFlow } from './connectFlow';
import type { ConnectionRecord } from './connectionRecord';
import type { IntuitOAuth } from './oauthClient';
import type { SecretStore } from './secretStore';
import { tokensFromAnswer, type StoredTokens } from './storedTokens';

export interface AttemptOptions {
  kind: ConnectionRecord['kind'];
  app: QboAppConfig;
  endpoints: QboEndpoints;
  /** Where the auth URLs live when they are not Intuit's (the practice company, `connect --sandbox URL`). */
  authBase: string | null;
  open: (url: string) => Promise<void>;
  onAuthorizeUrl?: (url: string) => void;
  /** Where the tokens go; by default the secure store. */
  store?: SecretStore;
}

export interface SignInInput {
  options: AttemptOptions;
  oauth: IntuitOAuth;
  secrets: () => Promise<SecretStore>;
  now: () => Date;
  timeoutMs: number;
  signal: AbortSignal;
  onAuthorizeUrl: (url: string) => void;
}

export interface SignedIn {
  draft: ConnectionRecord;
  tokens: StoredTokens;
  store: SecretStore;
}

export async function signIn(input: SignInInput): Promise<SignedIn> {
  const { options } = input;
  const result = await runConnectFlow({
    oauth: input.oauth,
    ...(options.app.redirectUri && options.kind === 'quickbooks' && !options.authBase ? { redirectUri: options.app.redirectUri } : {}),
    openExternal: options.open,
    onAuthorizeUrl: input.onAuthorizeUrl,
    timeoutMs: input.timeoutMs,
    signal: input.signal,
  });
  const store = options.store ?? (await input.secrets());
  const tokens = tokensFromAnswer(result.tokens, input.now().getTime());
  await store.set(result.realmId, JSON.stringify(tokens));
  const draft: ConnectionRecord = {
    kind: options.kind,
    realmId: result.realmId,
    companyName: '',
    country: null,
    apiBase: options.endpoints.apiBase,
    authBase: options.authBase,
    environment: options.endpoints.environment,
    connectedAt: input.now().toISOString(),
    reconnectNeeded: false,
    reconnectMessage: null,
  };
  return { draft, tokens, store };
}
