/**
 * Where tokens live. The OS credential store (keytar) for real companies; Electron's safeStorage as
 * its fallback (src-main/app/safeStorageSecretStore.ts); a 0600 file only for practice-company
 * tokens; memory, with a warning, when the machine has no secure store (tokens then last until exit).
 */
import path from 'node:path';
import { readTokenFile, readTokenFileForUpdate, writeTokenFile } from './tokenFile';

export const PRACTICE_TOKEN_FILE = 'practice-tokens.json';

export type TokenStoreKind = 'keychain' | 'safeStorage' | 'file' | 'memory';

export interface SecretStore {
  readonly kind: TokenStoreKind;
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<void>;
}

export const KEYCHAIN_SERVICE = 'ShelfSync';

export function memorySecretStore(warn?: (message: string) => void): SecretStore {
  const values = new Map<string, string>();
  let warned = false;
  return {
    kind: 'memory',
    get: (account) => Promise.resolve(values.get(account) ?? null),
    set: (account, value) => {
      if (!warned) {
        warned = true;
        warn?.(
          'No secure credential store was found on this computer; the QuickBooks sign-in is kept in memory only and must be repeated after ShelfSync restarts.',
        );
      }
      values.set(account, value);
      return Promise.resolve();
    },
    delete: (account) => {
      values.delete(account);
      return Promise.resolve();
    },
  };
}

/** Practice-company tokens only: a JSON file readable by this user alone, always written whole. */
export function practiceFileSecretStore(dir: string): SecretStore {
  const file = path.join(dir, PRACTICE_TOKEN_FILE);
  return {
    kind: 'file',
    get: (account) => settle(() => readTokenFile(file)[account] ?? null),
    set: (account, value) => settle(() => writeTokenFile(file, { ...readTokenFileForUpdate(file), [account]: value })),
    delete: (account) =>
      settle(() => {
        const values = readTokenFileForUpdate(file);
        delete values[account];
        writeTokenFile(file, values);
      }),
  };
}

/** Runs synchronous file work as a promise: an unreadable file is a rejection, like every other store's failure. */
function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => resolve(work()));
}

interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
}

/**
 * The OS credential store through keytar, or null when it cannot be used here (no Secret Service on
 * Linux, native module missing). The probe lists our own entries, which needs a working store.
 */
export async function keytarSecretStore(service = KEYCHAIN_SERVICE): Promise<SecretStore | null> {
  let keytar: KeytarApi;
  try {
    const loaded = (await import('keytar')) as KeytarApi & { default?: KeytarApi };
    keytar = loaded.default ?? loaded;
    await keytar.findCredentials(service);
  } catch {
    return null;
  }
  return {
    kind: 'keychain',
    get: (account) => keytar.getPassword(service, account),
    set: (account, value) => keytar.setPassword(service, account, value),
    delete: async (account) => {
      await keytar.deletePassword(service, account);
    },
  };
}

/** The best store this process has: keytar, else memory with a warning. */
export async function defaultSecretStore(warn?: (message: string) => void): Promise<SecretStore> {
  return (await keytarSecretStore()) ?? memorySecretStore(warn);
}
