/**
 * Token storage for the Electron app: the OS credential store through keytar first; where that is
 * missing, Electron's safeStorage (encrypted with an OS-held key, blobs in a 0600 file in the data
 * folder), but never its Linux `basic_text` backend, which is not encryption; else memory only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import { keytarSecretStore, memorySecretStore, type SecretStore, type TokenStoreKind } from '../host';

/** The async API newer Electron versions add; used when present, the sync one otherwise. */
interface AsyncSafeStorage {
  isAsyncEncryptionAvailable?: () => Promise<boolean>;
  encryptStringAsync?: (plainText: string) => Promise<Buffer>;
  decryptStringAsync?: (encrypted: Buffer) => Promise<{ result: string } | string>;
}

export function safeStorageUsable(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

export function safeStorageSecretStore(dataDir: string): SecretStore | null {
  if (!safeStorageUsable()) return null;
  const api = safeStorage as typeof safeStorage & AsyncSafeStorage;
  const file = path.join(dataDir, 'tokens.safestorage.json');
  const read = (): Record<string, string> => {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  };
  const write = (values: Record<string, string>) => fs.writeFileSync(file, JSON.stringify(values), { mode: 0o600 });
  const encrypt = async (text: string): Promise<Buffer> => (api.encryptStringAsync ? api.encryptStringAsync(text) : safeStorage.encryptString(text));
  const decrypt = async (blob: Buffer): Promise<string> => {
    if (!api.decryptStringAsync) return safeStorage.decryptString(blob);
    const answer = await api.decryptStringAsync(blob);
    return typeof answer === 'string' ? answer : answer.result;
  };
  return {
    kind: 'safeStorage',
    async get(account) {
      const blob = read()[account];
      return blob === undefined ? null : decrypt(Buffer.from(blob, 'base64'));
    },
    async set(account, value) {
      write({ ...read(), [account]: (await encrypt(value)).toString('base64') });
    },
    delete(account) {
      const values = read();
      delete values[account];
      write(values);
      return Promise.resolve();
    },
  };
}

/** Chooses the store on first use (keytar, then safeStorage, then memory) and reports which. */
export function electronSecretStore(dataDir: string, warn: (message: string) => void = () => undefined): SecretStore {
  let kind: TokenStoreKind = 'keychain';
  let chosen: Promise<SecretStore> | null = null;
  const choose = () => {
    chosen ??= keytarSecretStore().then((store) => store ?? safeStorageSecretStore(dataDir) ?? memorySecretStore(warn)).then((store) => {
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
