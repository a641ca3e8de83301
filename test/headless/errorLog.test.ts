/** The error log file: redacted by the one redaction module, rotated at a size, a few files kept. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createErrorLog, LOG_DIR, LOG_FILE } from '../../src-main/host';
import { registerSecret } from '../../src-shared/redact';
import { tempDir } from '../support/tmp';

// Shapes of what Intuit and the practice company issue (made up here, same form).
const accessToken = 'eyJlbmMiOiJBMTI4Q0JDLUhTMjU2IiwiYWxnIjoiZGlyIn0..bYd3ZGFyZQ.Zm9vYmFyYmF6cXV4.c2lnbmF0dXJl';
const refreshToken = 'AB11799999999ZzYxWvUtSrQpOnMlKjIhGfEdCbA';
const clientSecret = 'sEcReT-of-the-app-4242';

describe('the error log', () => {
  it('writes the id, the context and the stack, with no token, secret or Authorization header', () => {
    const dataDir = tempDir();
    registerSecret(clientSecret);
    const log = createErrorLog(dataDir);
    const error = new Error(`refresh failed for ${refreshToken} with client_secret=${clientSecret}`, {
      cause: new Error(`Authorization: Bearer ${accessToken}`),
    });
    const id = log.record(error, 'answering the request sync.now');
    expect(id).toMatch(/^[A-Z0-9]{8}$/);
    const text = fs.readFileSync(path.join(dataDir, LOG_DIR, LOG_FILE), 'utf8');
    expect(text).toContain(`error ${id} while answering the request sync.now`);
    expect(text).toContain('refresh failed for [redacted]');
    expect(text).toContain('caused by');
    expect(text).toMatch(/at .*errorLog\.test\.ts/);
    for (const secret of [accessToken, refreshToken, clientSecret, 'Bearer eyJ']) expect(text).not.toContain(secret);
    const mode = fs.statSync(path.join(dataDir, LOG_DIR, LOG_FILE)).mode & 0o777;
    expect(mode).toBe(0o600);
  });

  it('rotates at the size limit and keeps only the given number of old files', () => {
    const dataDir = tempDir();
    const log = createErrorLog(dataDir, { maxBytes: 5000, keep: 2 });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(log.record(new Error(`failure number ${i} ${'x'.repeat(200)}`), `step ${i}`));
    const files = fs.readdirSync(path.join(dataDir, LOG_DIR)).sort();
    expect(files).toEqual([LOG_FILE, `${LOG_FILE}.1`, `${LOG_FILE}.2`]);
    for (const file of files) expect(fs.statSync(path.join(dataDir, LOG_DIR, file)).size).toBeLessThanOrEqual(5000);
    const current = fs.readFileSync(path.join(dataDir, LOG_DIR, LOG_FILE), 'utf8');
    expect(current).toContain(ids.at(-1));
    const all = files.map((f) => fs.readFileSync(path.join(dataDir, LOG_DIR, f), 'utf8')).join('');
    expect(all).not.toContain(ids[0]);
  });

  it('never throws when the log cannot be written, and still answers an id', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, LOG_DIR), 'a file where the folder should be');
    const log = createErrorLog(dataDir);
    expect(log.record(new Error('disk trouble'), 'testing')).toMatch(/^[A-Z0-9]{8}$/);
  });
});
