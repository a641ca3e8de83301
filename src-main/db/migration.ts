/** The shape of one numbered schema migration. */
import type Database from 'better-sqlite3';

export interface Migration {
  /** Becomes PRAGMA user_version once applied. Numbers start at 1 and have no gaps. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}
