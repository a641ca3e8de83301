/** `requests`: the whole contract as JSON Schema, so users can script the CLI. */
import { z } from 'zod';
import { events, requests } from '../../src-shared/ipc';

export function describeContract(): unknown {
  const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
    z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return {
    requests: Object.fromEntries(
      Object.entries(requests).map(([name, def]) => [
        name,
        { description: def.description, input: toSchema(def.input, 'input'), output: toSchema(def.output, 'output') },
      ]),
    ),
    events: Object.fromEntries(
      Object.entries(events).map(([name, def]) => [
        name,
        { description: def.description, payload: toSchema(def.payload, 'output') },
      ]),
    ),
  };
}
