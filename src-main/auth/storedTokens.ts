/** The token set kept in the secret store (one entry per realm), and how a token answer becomes one. */
import { z } from 'zod';
import { registerSecret } from '../../src-shared/redact';
import type { TokenAnswer } from './oauthClient';
import type { SecretStore } from './secretStore';

export const storedTokensSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  /** Epoch ms on the host's clock. */
  accessExpiresAt: z.number(),
  refreshExpiresAt: z.number().nullable(),
  hardExpiresAt: z.number().nullable(),
  issuedAt: z.number(),
});
export type StoredTokens = z.infer<typeof storedTokensSchema>;

export function tokensFromAnswer(answer: TokenAnswer, now: number): StoredTokens {
  const seconds = (s: number | undefined) => (s === undefined || s === 0 ? null : now + s * 1000);
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    accessExpiresAt: now + answer.expires_in * 1000,
    refreshExpiresAt: seconds(answer.x_refresh_token_expires_in),
    hardExpiresAt: seconds(answer.x_refresh_token_hard_expires_in),
    issuedAt: now,
  };
}

export function parseStoredTokens(text: string | null): StoredTokens | null {
  if (text === null) return null;
  try {
    const parsed = storedTokensSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    registerSecret(parsed.data.accessToken);
    registerSecret(parsed.data.refreshToken);
    return parsed.data;
  } catch {
    return null;
  }
}

/** The saved sign-in exists but cannot be used: the store failed, or what it holds is not a token set. */
export class SavedSignInUnreadable extends Error {
  constructor(why: string) {
    super(why);
    this.name = 'SavedSignInUnreadable';
  }
}

/**
 * The token set saved for a realm; null only when nothing is saved. A store that cannot be read (a
 * corrupt token file, a locked keychain) or an entry that is not a token set throws SavedSignInUnreadable,
 * so the connection says the sign-in could not be read instead of "not found".
 */
export async function readSavedTokens(store: SecretStore, realmId: string): Promise<StoredTokens | null> {
  let text: string | null;
  try {
    text = await store.get(realmId);
  } catch (error) {
    throw new SavedSignInUnreadable(error instanceof Error ? error.message : String(error));
  }
  if (text === null) return null;
  const tokens = parseStoredTokens(text);
  if (!tokens) throw new SavedSignInUnreadable('The saved entry is not a complete sign-in.');
  return tokens;
}
