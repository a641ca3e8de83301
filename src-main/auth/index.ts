/** Signing in to QuickBooks: the connection (OAuth loopback, practice mode), token storage, refresh. */
export { ConnectionManager, type ConnectionDeps, type ClientAnswer } from './connection';
export { PRACTICE_DIR } from './practiceMode';
export { connectionHandlers } from './handlers';
export { loadQboAppConfig, APP_FILE_NAME, type QboAppConfig } from './appConfig';
export {
  defaultSecretStore,
  keytarSecretStore,
  memorySecretStore,
  practiceFileSecretStore,
  PRACTICE_TOKEN_FILE,
  KEYCHAIN_SERVICE,
  type SecretStore,
  type TokenStoreKind,
} from './secretStore';
export { followInProcess, type PracticeCompany, type PracticeLauncher } from './practice';
export { ConnectFailure, CALLBACK_PATH } from './connectFlow';
export { TokenManager } from './tokenManager';
export { IntuitOAuth, AuthFailure, ACCOUNTING_SCOPES } from './oauthClient';
export { statusMessages } from './messages';
export { readTokenFile, readTokenFileForUpdate, writeTokenFile, TokenFileUnreadable } from './tokenFile';
export { readSavedTokens, SavedSignInUnreadable } from './storedTokens';
