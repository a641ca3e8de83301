/**
 * Where tokens live. The OS credential store (keytar) for real companies; Electron's safeStorage as
 * its fallback (src-main/app/safeStorageSecretStore.ts); a 0600 file only for practice-company
 * tokens; memory, with a warning, when the machine has no secure store (tokens then last until exit).
 */
import fs from 'node:fs';
import path from 'node:path';

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

/** Practice-company tokens only: a JSON file readable by this user alone. */
export function practiceFileSecretStore(dir: string): SecretStore {
  const file = path.join(dir, 'practice-tokens.json');
  const read = (): Record<string, string> => {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  };
  const write = (values: Record<string, string>): void => {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const tmp = `${file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(values), { mode: 0o600 });
    fs.renameSync(tmp, file);
    fs.chmodSync(file, 0o600);
  };
  return {
    kind: 'file',
    get: (account) => Promise.resolve(read()[account] ?? null),
    set: (account, value) => {
      write({ ...read(), [account]: value });
      return Promise.resolve();
    },
    delete: (account) => {
      const values = read();
      delete values[account];
      write(values);
      return Promise.resolve();
    },
  };
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
