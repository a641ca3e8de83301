/** Small SQL helpers over the cached prepared statements of the db layer. */
import type Database from 'better-sqlite3';
import { statement, type Db } from '../db';

export function one<T>(db: Db, sql: string, ...params: unknown[]): T | undefined {
  return statement(db, sql).get(...params) as T | undefined;
}

export function all<T>(db: Db, sql: string, ...params: unknown[]): T[] {
  return statement(db, sql).all(...params) as T[];
}

export function run(db: Db, sql: string, ...params: unknown[]): Database.RunResult {
  return statement(db, sql).run(...params);
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%" (used with ESCAPE '\\'). */
export function likeContains(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const bool = (value: number): boolean => value === 1;
export const flag = (value: boolean): number => (value ? 1 : 0);

/** A WHERE clause built from the filters a list request names. */
export class Filters {
  private readonly parts: string[] = [];
  readonly params: unknown[] = [];

  /** Adds `sql` (with `?` for each value) unless the filter was left out. */
  when(value: unknown, sql: string, ...values: unknown[]): this {
    if (value === undefined || value === '') return this;
    this.parts.push(sql);
    this.params.push(...(values.length ? values : [value]));
    return this;
  }

  /** Adds a condition without parameters when `on` is true. */
  whenTrue(on: boolean | undefined, sql: string): this {
    if (on === true) this.parts.push(sql);
    return this;
  }

  get clause(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}
