/** Types for the functions that answer requests, and the error they throw to refuse one. */
import type { z } from 'zod';
import type { ErrorCode, AppErrorData, FieldIssue } from './result';
import type { Requests } from './index';

type Name = keyof Requests;

/** What a handler receives: the input after its schema parsed it (defaults applied). */
export type ParsedInput<N extends Name> = z.output<Requests[N]['input']>;
export type Output<N extends Name> = z.output<Requests[N]['output']>;

export type HandlerFor<N extends Name, C> = (input: ParsedInput<N>, ctx: C) => Output<N> | Promise<Output<N>>;
export type HandlerMap<N extends Name, C> = { [K in N]: HandlerFor<K, C> };

/**
 * A refusal a person can act on. Handlers throw it; the host turns it into `{ ok: false, error }`.
 * `issues` lists every wrong field when there are several (message/field repeat the first).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly issues?: readonly FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toData(): AppErrorData {
    const data: AppErrorData = this.field === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, field: this.field };
    return this.issues && this.issues.length > 1 ? { ...data, issues: [...this.issues] } : data;
  }
}
