import type { Migration } from '../migration';

const address = (prefix: string) =>
  ['line1', 'line2', 'line3', 'city', 'state', 'postal_code', 'country'].map((f) => `${prefix}_${f} TEXT`).join(',\n        ');

const party = (table: string) => `
      CREATE TABLE ${table} (
        id TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        company_name TEXT,
        given_name TEXT,
        family_name TEXT,
        email TEXT,
        phone TEXT,
        ${address('bill')},
        ${address('ship')},
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX ${table}_by_active ON ${table} (active, name_key);
      CREATE INDEX ${table}_by_updated ON ${table} (updated_at);`;

/**
 * Customers and vendors share QuickBooks' one name list: the service keeps name_key (the lower-cased
 * display name) unique across both tables. Service locations are a customer's sub-locations.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'customers-vendors',
  up(db) {
    db.exec(`
      ${party('customers')}
      ${party('vendors')}

      CREATE TABLE service_locations (
        id TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers (id),
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        ${address('addr')},
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (customer_id, name_key)
      ) STRICT;
    `);
  },
};
