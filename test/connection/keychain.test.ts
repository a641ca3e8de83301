import { describe, expect, it } from 'vitest';
import { keytarSecretStore, KEYCHAIN_SERVICE } from '../../src-main/auth';
import { hostFor } from './hostHarness';
import { practiceCompany } from './support';

const underKeyring = process.env.SHELFSYNC_KEYRING === '1';
const howToRun =
  'This test needs a real OS keyring. Run it through `npm run check`, which starts a private D-Bus session with an unlocked gnome-keyring and sets SHELFSYNC_KEYRING=1.';

describe('the sign-in kept in the OS credential store', () => {
  it('stores, reads and deletes a secret in the real keyring', async () => {
    expect(underKeyring, howToRun).toBe(true);
    const store = await keytarSecretStore('ShelfSync-test');
    expect(store, 'keytar could not reach the Secret Service').not.toBeNull();
    if (!store) return;
    expect(store.kind).toBe('keychain');
    await store.set('realm-1', 'value-1');
    expect(await store.get('realm-1')).toBe('value-1');
    await store.delete('realm-1');
    expect(await store.get('realm-1')).toBeNull();
  });

  it('keeps the QuickBooks tokens under service "ShelfSync" and the realm id after connecting', async () => {
    expect(underKeyring, howToRun).toBe(true);
    const store = await keytarSecretStore();
    if (!store) throw new Error('keytar could not reach the Secret Service');
    const sb = await practiceCompany();
    const h = hostFor(sb, { secrets: store });
    try {
      const status = await h.connect();
      expect(status).toMatchObject({ state: 'connected', tokenStore: 'keychain' });
      const keytar = (await import('keytar')).default;
      const saved = await keytar.getPassword(KEYCHAIN_SERVICE, sb.realmId);
      expect(saved).toContain('refreshToken');
      await h.host.invoke('connection.disconnect', {});
      expect(await keytar.getPassword(KEYCHAIN_SERVICE, sb.realmId)).toBeNull();
    } finally {
      await h.host.close();
      await sb.close();
    }
  });
});
