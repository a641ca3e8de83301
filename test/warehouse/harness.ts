/** A real host over a real SQLite file in a temp folder, with typed calls for the warehouse tests. */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createHost, type Host, type HostDeps } from '../../src-main/host';
import type { AppErrorData, RequestInput, RequestName, RequestOutput } from '../../src-shared/ipc';
import { tempDir } from '../support/tmp';

export interface Warehouse {
  host: Host;
  dataDir: string;
  /** Calls a request and answers its value; a refusal fails the test with the host's message. */
  call<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>>;
  /** Calls a request that must be refused, and answers the error. */
  refuse<N extends RequestName>(name: N, input: unknown): Promise<AppErrorData>;
  /** Every row of every table, read through a second connection. */
  dump(): Record<string, unknown[]>;
  /** Rows of a query, through a second (read-only) connection. */
  rows(sql: string, ...params: unknown[]): Record<string, unknown>[];
  /** Stands in for another module's write (e.g. the sync engine settling outbox rows). */
  write(sql: string): void;
}

const open: Host[] = [];
afterEach(async () => {
  for (const host of open.splice(0)) await host.close();
});

/** `deps`: what a test sets besides the folder (e.g. a clock it moves on). */
export function startWarehouse(dataDir = tempDir(), deps: Omit<HostDeps, 'dataDir'> = {}): Warehouse {
  const host = createHost({ ...deps, dataDir });
  open.push(host);
  const file = path.join(dataDir, 'shelfsync.db');
  const read = <T>(use: (db: Database.Database) => T): T => {
    const db = new Database(file, { readonly: true });
    try {
      return use(db);
    } finally {
      db.close();
    }
  };
  return {
    host,
    dataDir,
    async call(name, input) {
      const result = await host.invoke(name, input);
      if (!result.ok) throw new Error(`${name} was refused: ${result.error.code} ${result.error.message}`);
      return result.value as RequestOutput<typeof name>;
    },
    async refuse(name, input) {
      const result = await host.invoke(name, input);
      if (result.ok) throw new Error(`${name} was accepted but should have been refused`);
      return result.error;
    },
    dump() {
      return read((db) => {
        const tables = db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
          .pluck()
          .all() as string[];
        // Sorted as text: some tables have no rowid to order by, and the comparison only needs a stable order.
        const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
        return Object.fromEntries(tables.map((t) => [t, sorted(db.prepare(`SELECT * FROM "${t}"`).all())]));
      });
    },
    write(sql) {
      const db = new Database(file);
      try {
        db.prepare(sql).run();
      } finally {
        db.close();
      }
    },
    rows(sql, ...params) {
      return read((db) => db.prepare(sql).all(...params) as Record<string, unknown>[]);
    },
  };
}
