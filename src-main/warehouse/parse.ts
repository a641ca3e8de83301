/** Service functions validate with the contract's own schema, so the sync engine's inputs pass the same rules. */
import type { z } from 'zod';
import { AppError, requests, type ParsedInput, type RequestName } from '../../src-shared/ipc';

export function parseRequest<N extends RequestName>(name: N, input: unknown): ParsedInput<N> {
  return (requests[name].input as unknown as z.ZodType<ParsedInput<N>>).parse(input);
}

export function notFound(what: string, id: string, field = 'id'): AppError {
  return new AppError('not_found', `There is no ${what} with id "${id}".`, field);
}
