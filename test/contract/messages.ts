/**
 * Every validation message the contract can produce, found by breaking each field of each request in
 * every way its JSON Schema allows (wrong type, empty, too long, out of range, not in the list, unknown
 * key, missing) on top of the valid samples, plus the hand-written bad samples.
 */
import { z } from 'zod';
import { parseInput, requests, type FieldIssue, type RequestName } from '../../src-shared/ipc';
import { samples } from './samples';

type Json = Record<string, unknown>;
export interface ProducedMessage {
  request: RequestName;
  input: unknown;
  issue: FieldIssue;
}

const badValues: unknown[] = [
  null, true, 0, -1, 1.5, 1e13, '', ' ', 'abc', '-1', '0', '1.23456', '99999999999999999999', 'x'.repeat(5000),
  [], [''], [{}], {}, { x: 1 }, '2026-13-45', 'not-a-date', 'ftp://x', 'unknownValue',
];

/** Paths to every property the input schema names, down through objects, arrays (index 0) and unions. */
function propertyPaths(schema: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = [], depth = 0): (string | number)[][] {
  if (!schema || typeof schema !== 'object' || depth > 6) return out;
  const s = schema as Json;
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    for (const option of (s[key] as unknown[] | undefined) ?? []) propertyPaths(option, prefix, out, depth + 1);
  }
  if (s.properties && typeof s.properties === 'object') {
    for (const [key, child] of Object.entries(s.properties as Json)) {
      out.push([...prefix, key]);
      propertyPaths(child, [...prefix, key], out, depth + 1);
    }
  }
  if (s.items && typeof s.items === 'object') propertyPaths(s.items, [...prefix, 0], out, depth + 1);
  return out;
}

function setAt(base: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (typeof head === 'number') {
    const list = Array.isArray(base) ? [...(base as unknown[])] : [];
    list[head] = setAt(list[head] ?? {}, rest, value);
    return list;
  }
  const obj = base && typeof base === 'object' && !Array.isArray(base) ? { ...(base as Json) } : {};
  obj[head] = setAt(obj[head], rest, value);
  return obj;
}

function withoutAt(base: unknown, path: (string | number)[]): unknown {
  if (path.length === 1 && base && typeof base === 'object' && !Array.isArray(base)) {
    const copy = { ...(base as Json) };
    delete copy[path[0] as string];
    return copy;
  }
  return base;
}

function inputsFor(name: RequestName): unknown[] {
  const schema = z.toJSONSchema(requests[name].input as z.ZodType, { io: 'input', unrepresentable: 'any' });
  const bases = samples[name].valid.length ? samples[name].valid : [{}];
  const inputs: unknown[] = [...samples[name].invalid.map((s) => s.input), 'text', 42, [], null];
  for (const base of bases) {
    inputs.push(setAt(base, ['notAField'], 1));
    for (const path of propertyPaths(schema)) {
      inputs.push(withoutAt(base, path));
      for (const bad of badValues) inputs.push(setAt(base, path, bad));
    }
  }
  return inputs;
}

export function producedMessages(): ProducedMessage[] {
  const out: ProducedMessage[] = [];
  for (const name of Object.keys(requests) as RequestName[]) {
    for (const input of inputsFor(name)) {
      const parsed = parseInput(requests[name].input as z.ZodType, input, name);
      if (!parsed.ok) for (const issue of parsed.error.issues ?? [parsed.error]) out.push({ request: name, input, issue });
    }
  }
  return out;
}

/** One example per distinct message, for reading and for the test's failure output. */
export function distinctMessages(): Map<string, ProducedMessage> {
  const byMessage = new Map<string, ProducedMessage>();
  for (const produced of producedMessages()) if (!byMessage.has(produced.issue.message)) byMessage.set(produced.issue.message, produced);
  return byMessage;
}
