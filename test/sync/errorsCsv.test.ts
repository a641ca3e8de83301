import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db';
import { tempDir } from '../support/tmp';
import { errorsCsv, writeLog } from '../../src-main/sync/runs';

describe('the error CSV', () => {
  it('neutralises every cell a spreadsheet would run as a formula: = + - @ tab and carriage return', () => {
    const { db } = openDatabase(path.join(tempDir(), 'shelfsync.db'));
    const messages = ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=cmd', '\r=cmd', 'plain, with a comma'];
    for (const message of messages) writeLog(db, { runId: null, level: 'error', entity: 'Item', message }, new Date('2026-12-01T10:00:00Z'));
    const csv = errorsCsv(db);
    db.close();
    const cells = csv.trimEnd().split('\r\n').slice(1).map((line) => line.slice(line.indexOf('Item,,,') + 'Item,,,'.length));
    expect(cells).toEqual([
      `"'=HYPERLINK(""http://x"")"`,
      `'+1+1`,
      `'-2+3`,
      `'@SUM(A1)`,
      `'\t=cmd`,
      `"'\r=cmd"`,
      `"plain, with a comma"`,
    ]);
  });
});
