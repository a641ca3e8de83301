import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { describeIssues, requests, type RequestName } from '../../src-shared/ipc';
import { samples } from './samples';

const names = Object.keys(requests) as RequestName[];

function check(name: RequestName, input: unknown) {
  const parsed = (requests[name].input as z.ZodType).safeParse(input);
  return parsed.success ? null : describeIssues(parsed.error);
}

describe('the contract', () => {
  it('names every request area.verb in lowerCamelCase', () => {
    for (const name of names) expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
  });

  describe.each(names)('%s', (name) => {
    it('accepts each valid input', () => {
      for (const input of samples[name].valid) expect(check(name, input), JSON.stringify(input)).toBeNull();
    });

    it('names the field of each bad input', () => {
      for (const { input, field } of samples[name].invalid) {
        const error = check(name, input);
        expect(error, JSON.stringify(input)).not.toBeNull();
        expect(error?.code).toBe('invalid_input');
        expect(error?.field).toBe(field);
        expect(error?.message).not.toMatch(/^[\w.]+: /);
      }
    });

    it('refuses an unknown field and a non-object input', () => {
      const base = samples[name].valid[0] as Record<string, unknown>;
      expect(check(name, { ...base, notAField: 1 })?.field).toBe('notAField');
      for (const bad of ['text', 42, [], true]) expect(check(name, bad)?.code).toBe('invalid_input');
    });
  });
});
