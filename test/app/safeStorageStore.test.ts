/**
 * Electron's safeStorage token store (src-main/app/safeStorageSecretStore.ts) against a fake
 * safeStorage: never Linux's basic_text backend, a whole 0600 file, and a damaged file or a blob the
 * OS key no longer opens reported as a sign-in that could not be read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAFE_STORAGE_FILE, safeStorageSecretStore, type SafeStorageApi } from '../../src-main/app/safeStorageSecretStore';
import { readSavedTokens, SavedSignInUnreadable } from '../../src-main/auth';
import { tempDir } from '../support/tmp';

/** Encrypts with a key; decrypting with another key fails, as the OS keychain's would. */
function fakeSafeStorage(key: number, backend = 'gnome_libsecret'): SafeStorageApi {
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ key));
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend as ReturnType<SafeStorageApi['getSelectedStorageBackend']>,
    encryptString: (text) => xor(Buffer.from(`ok:${text}`)),
    decryptString: (blob) => {
      const text = xor(blob).toString();
      if (!text.startsWith('ok:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return text.slice(3);
    },
  };
}

const tokens = JSON.stringify({ accessToken: 'eyJ.a.b', refreshToken: 'AB11x', accessExpiresAt: 1, refreshExpiresAt: null, hardExpiresAt: null, issuedAt: 0 });

describe('the safeStorage token store', () => {
  it('is not used on Linux with the basic_text backend (not encryption), and is elsewhere', () => {
    expect(safeStorageSecretStore(tempDir(), fakeSafeStorage(7, 'basic_text'), 'linux')).toBeNull();
    expect(safeStorageSecretStore(tempDir(), fakeSafeStorage(7, 'basic_text'), 'darwin')?.kind).toBe('safeStorage');
  });

  it('keeps the sign-in encrypted in a whole 0600 file, and reads it back', async () => {
    const dir = tempDir();
    const store = safeStorageSecretStore(dir, fakeSafeStorage(7), 'linux');
    await store?.set('9130', tokens);
    const file = path.join(dir, SAFE_STORAGE_FILE);
    expect(fs.readFileSync(file, 'utf8')).not.toContain('eyJ');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual([SAFE_STORAGE_FILE]);
    expect(await store?.get('9130')).toBe(tokens);
    expect(await store?.get('other')).toBeNull();
  });

  it('reports a damaged file or a blob the key no longer opens as a sign-in that could not be read', async () => {
    const dir = tempDir();
    await safeStorageSecretStore(dir, fakeSafeStorage(7), 'linux')?.set('9130', tokens);
    const otherKey = safeStorageSecretStore(dir, fakeSafeStorage(9), 'linux');
    if (!otherKey) throw new Error('no store');
    await expect(readSavedTokens(otherKey, '9130')).rejects.toThrow(SavedSignInUnreadable);
    const file = path.join(dir, SAFE_STORAGE_FILE);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').slice(0, 10));
    const store = safeStorageSecretStore(dir, fakeSafeStorage(7), 'linux');
    if (!store) throw new Error('no store');
    await expect(readSavedTokens(store, '9130')).rejects.toThrow(/could not be read \(it is not complete JSON\)/);
    // Signing in again writes a whole new file over the damaged one.
    await store.set('9130', tokens);
    expect(await readSavedTokens(store, '9130')).toMatchObject({ refreshToken: 'AB11x' });
  });
});
