import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations, openDatabase } from '../../src-main/db';
import { tempDir } from '../support/tmp';

describe('migration 13: purchase orders raised in QuickBooks', () => {
  it('keeps a version 12 database’s purchase orders as ShelfSync’s own, and lets one QuickBooks PO be followed by one PO here', () => {
    const file = path.join(tempDir(), 'v12.db');
    const old = openDatabase(file, migrations.slice(0, 12)).db;
    old.prepare("INSERT INTO vendors (id, display_name, name_key, created_at, updated_at) VALUES ('v1', 'Supplier', 'supplier', 'x', 'x')").run();
    old.prepare("INSERT INTO purchase_orders (id, number, vendor_id, site_id, created_at, updated_at) VALUES ('p1', '1', 'v1', 'main', 'x', 'x')").run();
    old.close();
    const { db } = openDatabase(file);
    expect(db.prepare("SELECT source, qbo_txn_id, out_of_sync FROM purchase_orders WHERE id = 'p1'").get()).toEqual({ source: 'local', qbo_txn_id: null, out_of_sync: 0 });
    const put = db.prepare("INSERT INTO purchase_orders (id, number, vendor_id, site_id, source, qbo_txn_id, created_at, updated_at) VALUES (?, ?, 'v1', 'main', 'qbo', '77', 'x', 'x')");
    put.run('p2', '2');
    expect(() => put.run('p3', '3')).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE purchase_orders SET source = 'elsewhere' WHERE id = 'p1'").run()).toThrow(/CHECK/);
    db.close();
  });
});
