import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations, openDatabase } from '../../src-main/db';
import { tempDir } from '../support/tmp';

describe('migration 17: the item list’s copy of stock', () => {
  it('copies a version 16 database’s non-zero levels per site and in total, with each item’s list columns and reorder state', () => {
    const file = path.join(tempDir(), 'v16.db');
    const old = openDatabase(file, migrations.slice(0, 16)).db;
    old.exec(`
      INSERT INTO sites (id, name, name_key, created_at, updated_at) VALUES ('yard', 'Yard', 'yard', 'x', 'x');
      INSERT INTO items (id, name, name_key, type, reorder_point, active, created_at, updated_at) VALUES
        ('a1', 'Hinge', 'hinge', 'inventory', 60000, 1, 'x', 'x'),
        ('a2', 'Strap', 'strap', 'inventory', 0, 0, 'x', 'x'),
        ('a3', 'Rivet', 'rivet', 'inventory', 10000, 1, 'x', 'x');
      INSERT INTO stock_levels (item_id, site_id, on_hand, updated_at) VALUES
        ('a1', 'main', 40000, 'x'), ('a1', 'yard', 30000, 'x'),
        ('a2', 'main', -20000, 'x'), ('a2', 'yard', 20000, 'x'),
        ('a3', 'main', 0, 'x');
    `);
    old.close();
    const { db } = openDatabase(file);
    expect(db.prepare('SELECT scope, item_id, on_hand, name_key, active, type, reorder_point, watched, below FROM item_stock ORDER BY item_id, scope').all()).toEqual([
      { scope: '*', item_id: 'a1', on_hand: 70000, name_key: 'hinge', active: 1, type: 'inventory', reorder_point: 60000, watched: 1, below: 0 },
      { scope: 'main', item_id: 'a1', on_hand: 40000, name_key: 'hinge', active: 1, type: 'inventory', reorder_point: 60000, watched: 1, below: 1 },
      { scope: 'yard', item_id: 'a1', on_hand: 30000, name_key: 'hinge', active: 1, type: 'inventory', reorder_point: 60000, watched: 1, below: 1 },
      // Strap's total is zero, so it has no total row; its negative main level is below a point of zero.
      { scope: 'main', item_id: 'a2', on_hand: -20000, name_key: 'strap', active: 0, type: 'inventory', reorder_point: 0, watched: 0, below: 1 },
      { scope: 'yard', item_id: 'a2', on_hand: 20000, name_key: 'strap', active: 0, type: 'inventory', reorder_point: 0, watched: 0, below: 0 },
    ]);
    // A zero on-hand is no row at all.
    expect(() => db.prepare("INSERT INTO item_stock VALUES ('main', 'a3', 0, 'rivet', 1, 'inventory', 10000, 1, 1)").run()).toThrow(/CHECK/);
    db.close();
  });
});
