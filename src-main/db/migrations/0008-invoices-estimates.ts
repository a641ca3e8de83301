import type { Migration } from '../migration';

const lines = (table: string, parent: string, parentTable: string) => `
      CREATE TABLE ${table} (
        id TEXT PRIMARY KEY,
        ${parent} TEXT NOT NULL REFERENCES ${parentTable} (id) ON DELETE CASCADE,
        line_no INTEGER NOT NULL,
        item_id TEXT REFERENCES items (id),
        description TEXT,
        qty INTEGER NOT NULL CHECK (qty > 0),
        unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
        amount_cents INTEGER NOT NULL,
        UNIQUE (${parent}, line_no)
      ) STRICT;`;

/** Local sales documents: estimates, and invoices (from an order, an estimate, or typed in). */
export const migration0008: Migration = {
  version: 8,
  name: 'invoices-estimates',
  up(db) {
    db.exec(`
      CREATE TABLE estimates (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        customer_id TEXT NOT NULL REFERENCES customers (id),
        txn_date TEXT NOT NULL,
        expiration_date TEXT,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'posted', 'invoiced')),
        total_cents INTEGER NOT NULL,
        qbo_txn_id TEXT,
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX estimates_by_date ON estimates (txn_date);
      CREATE INDEX estimates_by_customer ON estimates (customer_id, txn_date);
      CREATE INDEX estimates_by_status ON estimates (status, txn_date);
      ${lines('estimate_lines', 'estimate_id', 'estimates')}

      CREATE TABLE invoices (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        customer_id TEXT NOT NULL REFERENCES customers (id),
        txn_date TEXT NOT NULL,
        due_date TEXT,
        total_cents INTEGER NOT NULL,
        balance_cents INTEGER NOT NULL,
        paid INTEGER NOT NULL DEFAULT 0 CHECK (paid IN (0, 1)),
        ready_for_sync INTEGER NOT NULL DEFAULT 0 CHECK (ready_for_sync IN (0, 1)),
        qbo_number TEXT,
        qbo_txn_id TEXT,
        order_id TEXT UNIQUE REFERENCES picking_orders (id),
        estimate_id TEXT UNIQUE REFERENCES estimates (id),
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX invoices_by_date ON invoices (txn_date);
      CREATE INDEX invoices_by_customer ON invoices (customer_id, txn_date);
      CREATE INDEX invoices_by_ready ON invoices (ready_for_sync, txn_date);
      CREATE INDEX invoices_by_paid ON invoices (paid, txn_date);
      ${lines('invoice_lines', 'invoice_id', 'invoices')}
    `);
  },
};
