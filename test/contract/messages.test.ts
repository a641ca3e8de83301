/**
 * Every validation message the contract can produce, as the screens show it (beside its input, or in
 * the form's alert), is a sentence a clerk understands and names the field in words.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseInput, requests, unknownFieldMessage, wordsForField, type AppErrorData, type RequestName } from '../../src-shared/ipc';
import { errorFor, unplacedError } from '../../src-renderer/ui/errors';
import { producedMessages } from './messages';
import { wordingProblems } from './wording';

function propertyPaths(schema: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (!schema || typeof schema !== 'object') return out;
  const s = schema as Record<string, unknown>;
  for (const key of ['anyOf', 'oneOf', 'allOf']) for (const o of (s[key] as unknown[] | undefined) ?? []) propertyPaths(o, prefix, out);
  for (const [key, child] of Object.entries((s.properties as Record<string, unknown> | undefined) ?? {})) {
    out.push([...prefix, key]);
    propertyPaths(child, [...prefix, key], out);
  }
  if (s.items && typeof s.items === 'object') propertyPaths(s.items, [...prefix, 0], out);
  return out;
}

describe('validation messages', () => {
  const produced = producedMessages();

  it('are produced for every request that takes fields, and many of them', () => {
    expect(new Set(produced.map((p) => p.request)).size).toBeGreaterThan(60);
    expect(new Set(produced.map((p) => p.issue.message)).size).toBeGreaterThan(150);
  });

  it('follow the wording rules as the screens show them', () => {
    const bad = new Map<string, string>();
    for (const { request, input, issue } of produced) {
      const error: AppErrorData = { code: 'invalid_input', ...issue, issues: [issue] };
      const shown = issue.field ? errorFor(error, issue.field) : unplacedError(error, []);
      expect(shown).toBe(issue.message);
      const field = issue.message === unknownFieldMessage ? undefined : issue.field;
      for (const problem of wordingProblems(shown ?? '', field, request)) {
        const key = `${request}|${issue.field ?? ''}|${issue.message}`;
        if (!bad.has(key)) bad.set(key, `${request} ${issue.field ?? '(input)'}: "${issue.message}" ${problem} — input ${JSON.stringify(input).slice(0, 80)}`);
      }
    }
    expect([...bad.values()]).toEqual([]);
  });

  it('have words for every field of every request', () => {
    const missing: string[] = [];
    for (const [name, def] of Object.entries(requests)) {
      const schema = z.toJSONSchema(def.input as z.ZodType, { io: 'input', unrepresentable: 'any' });
      for (const path of propertyPaths(schema)) if (!wordsForField(path, name)) missing.push(`${name} ${path.join('.')}`);
    }
    expect(missing).toEqual([]);
  });

  it('list every wrong field at once, each with its own message', () => {
    const result = parseInput(requests['items.create'].input, { name: '', priceCents: -5, reorderPoint: 'abc', barcodes: [''] }, 'items.create');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues?.map((i) => i.field)).toEqual(['name', 'barcodes.0', 'priceCents', 'reorderPoint']);
    expect(errorFor(result.error, 'reorderPoint')).toBe('Enter the reorder point as a number with at most 4 decimal places, e.g. 12.5.');
    expect(errorFor(result.error, 'priceCents')).toBe('The sales price cannot be negative.');
    expect(result.error.field).toBe('name');
  });

  it('catch each rule when it is broken', () => {
    expect(wordingProblems('qty: Enter a quantity greater than zero.', 'qty')).toContain('starts with a field key');
    expect(wordingProblems('Enter a quantity as a decimal number in quotes.', 'qty')).toContain('says "in quotes"');
    expect(wordingProblems('Invalid input: expected string, received number', 'sku')).toEqual(
      expect.arrayContaining(['names a type or a schema term', 'does not end like a sentence']),
    );
    expect(wordingProblems('Give itemIds as a list.', 'itemIds')).toContain('shows the internal name itemIds');
    expect(wordingProblems('Enter a number.', 'syncIntervalMinutes')).toContain('does not name the field (sync interval)');
    expect(wordingProblems('limit is at most 500.', 'limit')).toEqual(expect.arrayContaining(['shows the field key limit']));
  });
});

export type { RequestName };
