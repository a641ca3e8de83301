/** Types for the functions that answer requests, and the error they throw to refuse one. */
import type { z } from 'zod';
import type { ErrorCode, AppErrorData } from './result';
import type { Requests } from './index';

type Name = keyof Requests;

/** What a handler receives: the input after its schema parsed it (defaults applied). */
export type ParsedInput<N extends Name> = z.output<Requests[N]['input']>;
export type Output<N extends Name> = z.output<Requests[N]['output']>;

export type HandlerFor<N extends Name, C> = (input: ParsedInput<N>, ctx: C) => Output<N> | Promise<Output<N>>;
export type HandlerMap<N extends Name, C> = { [K in N]: HandlerFor<K, C> };

/** A refusal a person can act on. Handlers throw it; the host turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toData(): AppErrorData {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}
