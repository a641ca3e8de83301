/**
 * The token files (the practice company's, and Electron's safeStorage blobs): a JSON object of one
 * string per account, mode 0600. Written so that a crash or power loss at any moment leaves either
 * the old file or the new one, never half of one: the text goes to a temporary file in the same
 * folder, is flushed to disk (fsync), renamed over the file, and the folder is flushed too.
 *
 * A file that exists but cannot be read or is not such an object is reported (TokenFileUnreadable),
 * never taken for "no tokens": the connection then says the saved sign-in could not be read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export class TokenFileUnreadable extends Error {
  constructor(
    readonly file: string,
    why: string,
  ) {
    super(`The token file ${path.basename(file)} could not be read (${why}).`);
    this.name = 'TokenFileUnreadable';
  }
}

/** The file's entries; {} when there is no file yet; throws TokenFileUnreadable for anything else. */
export function readTokenFile(file: string): Record<string, string> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new TokenFileUnreadable(file, (error as NodeJS.ErrnoException).code ?? 'read error');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new TokenFileUnreadable(file, text.length === 0 ? 'it is empty' : 'it is not complete JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !Object.values(parsed).every((v) => typeof v === 'string')) {
    throw new TokenFileUnreadable(file, 'it does not hold sign-ins');
  }
  return parsed as Record<string, string>;
}

/** The entries to start an update from: an unreadable file is replaced (what it held is lost anyway). */
export function readTokenFileForUpdate(file: string): Record<string, string> {
  try {
    return readTokenFile(file);
  } catch (error) {
    if (error instanceof TokenFileUnreadable) return {};
    throw error;
  }
}

/** Temporary file, fsync, rename over, fsync the folder: the file is always whole. */
export function writeTokenFile(file: string, values: Record<string, string>): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const prefix = `.${path.basename(file)}.`;
  removeLeftovers(dir, prefix);
  const tmp = path.join(dir, `${prefix}${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeFileSync(fd, JSON.stringify(values));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  syncFolder(dir);
}

/** Temporary files a process killed mid-write left behind (another process's; the folder's host is locked). */
function removeLeftovers(dir: string, prefix: string): void {
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith(prefix) && name.endsWith('.tmp') && !name.startsWith(`${prefix}${process.pid}.`)) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** Makes the rename itself durable; folders cannot be opened for this on Windows, where it is skipped. */
function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
