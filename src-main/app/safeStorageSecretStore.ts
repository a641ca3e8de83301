/**
 * Token storage for the Electron app: the OS credential store through keytar first; where that is
 * missing, Electron's safeStorage (encrypted with an OS-held key, blobs in a 0600 file in the data
 * folder), but never its Linux `basic_text` backend, which is not encryption; else memory only.
 */
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { keytarSecretStore, memorySecretStore, readTokenFile, readTokenFileForUpdate, writeTokenFile, type SecretStore, type TokenStoreKind } from '../host';

export const SAFE_STORAGE_FILE = 'tokens.safestorage.json';

/** What this module uses of Electron's safeStorage (the real one, or a test's fake). */
export type SafeStorageApi = Pick<SafeStorage, 'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'> & AsyncSafeStorage;

/** The async API newer Electron versions add; used when present, the sync one otherwise. */
interface AsyncSafeStorage {
  isAsyncEncryptionAvailable?: () => Promise<boolean>;
  encryptStringAsync?: (plainText: string) => Promise<Buffer>;
  decryptStringAsync?: (encrypted: Buffer) => Promise<{ result: string } | string>;
}

export function safeStorageUsable(api: SafeStorageApi, platform: NodeJS.Platform = process.platform): boolean {
  if (!api.isEncryptionAvailable()) return false;
  return platform !== 'linux' || api.getSelectedStorageBackend() !== 'basic_text';
}

/** The blobs live in one 0600 file in the data folder, always written whole (src-main/auth/tokenFile.ts). */
export function safeStorageSecretStore(dataDir: string, api: SafeStorageApi, platform: NodeJS.Platform = process.platform): SecretStore | null {
  if (!safeStorageUsable(api, platform)) return null;
  const file = path.join(dataDir, SAFE_STORAGE_FILE);
  const encrypt = async (text: string): Promise<Buffer> => (api.encryptStringAsync ? api.encryptStringAsync(text) : api.encryptString(text));
  const decrypt = async (blob: Buffer): Promise<string> => {
    if (!api.decryptStringAsync) return api.decryptString(blob);
    const answer = await api.decryptStringAsync(blob);
    return typeof answer === 'string' ? answer : answer.result;
  };
  return {
    kind: 'safeStorage',
    async get(account) {
      // An unreadable file or a blob the OS key no longer opens throws: reported, never "no tokens".
      const blob = readTokenFile(file)[account];
      return blob === undefined ? null : decrypt(Buffer.from(blob, 'base64'));
    },
    async set(account, value) {
      const blob = (await encrypt(value)).toString('base64');
      writeTokenFile(file, { ...readTokenFileForUpdate(file), [account]: blob });
    },
    delete(account) {
      const values = readTokenFileForUpdate(file);
      delete values[account];
      writeTokenFile(file, values);
      return Promise.resolve();
    },
  };
}

/** Chooses the store on first use (keytar, then safeStorage, then memory) and reports which. */
export function electronSecretStore(dataDir: string, api: SafeStorageApi, warn: (message: string) => void = () => undefined): SecretStore {
  let kind: TokenStoreKind = 'keychain';
  let chosen: Promise<SecretStore> | null = null;
  const choose = () => {
    chosen ??= keytarSecretStore().then((store) => store ?? safeStorageSecretStore(dataDir, api) ?? memorySecretStore(warn)).then((store) => {
      kind = store.kind;
      return store;
    });
    return chosen;
  };
  return {
    get kind() {
      return kind;
    },
    get: async (account) => (await choose()).get(account),
    set: async (account, value) => (await choose()).set(account, value),
    delete: async (account) => (await choose()).delete(account),
  };
}
