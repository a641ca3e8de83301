import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations, openDatabase } from '../../src-main/db';
import { tempDir } from '../support/tmp';

describe('migration 12: reorder levels and preferred vendors', () => {
  it('keeps a version 11 database’s items, with no preferred vendor, and adds per-site levels that cannot reorder below the point', () => {
    const file = path.join(tempDir(), 'v11.db');
    const old = openDatabase(file, migrations.slice(0, 11)).db;
    old
      .prepare(
        "INSERT INTO items (id, name, name_key, type, reorder_point, created_at, updated_at) VALUES ('a1', 'Hinge', 'hinge', 'inventory', 60000, 'x', 'x')",
      )
      .run();
    old.close();
    const { db } = openDatabase(file);
    expect(db.prepare("SELECT reorder_point, preferred_vendor_id, preferred_vendor_source FROM items WHERE id = 'a1'").get()).toEqual({
      reorder_point: 60000,
      preferred_vendor_id: null,
      preferred_vendor_source: null,
    });
    const put = db.prepare("INSERT INTO reorder_levels (item_id, site_id, reorder_point, reorder_up_to, updated_at) VALUES ('a1', 'main', ?, ?, 'x')");
    put.run(50000, 200000);
    expect(() => put.run(1, 2)).toThrow(/UNIQUE|PRIMARY/);
    db.prepare('DELETE FROM reorder_levels').run();
    expect(() => put.run(5, 4)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE items SET preferred_vendor_source = 'somewhere' WHERE id = 'a1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE items SET preferred_vendor_id = 'no-such-vendor' WHERE id = 'a1'").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
