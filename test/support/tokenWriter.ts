/**
 * A child process that rewrites a practice token file over and over through the store's own code
 * (practiceFileSecretStore), each time the same sign-in padded to a few MB so a write takes a while,
 * printing `wrote N` after each. The test SIGKILLs it at some point, most likely mid-write.
 * argv: [tokenDir, account, padBytes]
 */
import { practiceFileSecretStore } from '../../src-main/auth';

const [tokenDir = '', account = '', padBytes = '1000000'] = process.argv.slice(2);
const store = practiceFileSecretStore(tokenDir);
const saved = JSON.parse((await store.get(account)) ?? 'null') as Record<string, unknown> | null;
if (!saved) throw new Error('no saved sign-in to rewrite');
for (let n = 1; ; n++) {
  await store.set(account, JSON.stringify({ ...saved, pad: String(n % 10).repeat(Number(padBytes)) }));
  process.stdout.write(`wrote ${n}\n`);
}
