import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations, openDatabase } from '../../src-main/db';
import { tempDir } from '../support/tmp';

describe('migration 10: what QuickBooks last sent per record', () => {
  it('adds qbo_versions to a version 9 database, keeping its links, one version per record', () => {
    const file = path.join(tempDir(), 'v9.db');
    const old = openDatabase(file, migrations.slice(0, 9)).db;
    old.prepare("INSERT INTO qbo_links (entity, local_id, qbo_id, sync_token, linked_at) VALUES ('customer', 'c1', '58', '3', 'x')").run();
    old.close();
    const { db } = openDatabase(file);
    expect(db.prepare('SELECT qbo_id FROM qbo_links').pluck().get()).toBe('58');
    const put = db.prepare("INSERT INTO qbo_versions (entity, local_id, fields, seen_at) VALUES ('customer', 'c1', ?, 'x')");
    put.run('{"BillAddr":{"Line1":"12 Dock Road"}}');
    expect(() => put.run('{}')).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO qbo_versions (entity, local_id, seen_at) VALUES ('vendor', 'v1', 'x')").run()).toThrow(/NOT NULL/);
    db.close();
  });
});
