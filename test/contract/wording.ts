/** The wording rules for a message a clerk reads; each broken rule is named in words. */
import { wordsForField } from '../../src-shared/ipc';

const typeWords = /\b(string|boolean|int|integer|array|object|undefined|null|NaN|enum|regex|invalid input|invalid option|too small|too big|unrecognized)\b/i;
const stop = new Set(['the', 'a', 'an', 'of', 'for', 'to', 'and', 'or', 'your', 'setting', 'filter', 'choice', 'number']);

function stem(word: string): string {
  return word.toLowerCase().replace(/s$/, '');
}

/** The problems with one message shown for `field` (a path such as "lines.0.qty") of `request`. */
export function wordingProblems(message: string, field?: string, request?: string): string[] {
  const problems: string[] = [];
  if (/^[\w.]+: /.test(message)) problems.push('starts with a field key');
  if (/in quotes/i.test(message)) problems.push('says "in quotes"');
  if (!/^[A-Z]/.test(message)) problems.push('does not start with a capital letter');
  if (!/[.!?)]$/.test(message)) problems.push('does not end like a sentence');
  if (message.split(/\s+/).length < 3) problems.push('is not a sentence');
  if (typeWords.test(message)) problems.push('names a type or a schema term');
  const camel = /\b[a-z]+[A-Z][A-Za-z]*\b/.exec(message);
  if (camel) problems.push(`shows the internal name ${camel[0]}`);
  if (/[{}[\]]/.test(message)) problems.push('shows data syntax');
  if (field) {
    const path = field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const words = wordsForField(path, request);
    const key = String(path.filter((p) => typeof p === 'string').at(-1));
    if (words) {
      const wanted = words.split(/[\s-]+/).filter((w) => !stop.has(w.toLowerCase()) && w.length > 2).map(stem);
      const said = new Set(message.split(/[^A-Za-z’']+/).map(stem));
      if (wanted.length && !wanted.some((w) => said.has(w))) problems.push(`does not name the field (${words})`);
      if (!words.toLowerCase().split(/[\s-]+/).includes(key.toLowerCase()) && new RegExp(`\\b${key}\\b`).test(message)) {
        problems.push(`shows the field key ${key}`);
      }
    }
  }
  return problems;
}
