/**
 * The error log: every error nobody expected (a request handler that threw something other than a
 * refusal, a transport that failed while answering) is written to `<data folder>/logs/shelfsync.log`
 * with an error id that the answer shows, so a user can quote it and someone can find the line.
 *
 * Each line passes through the one redaction module (src-shared/redact.ts) before it is written: no
 * access or refresh token, authorisation code, client secret or Authorization header reaches the file.
 * The file is rotated at a size: shelfsync.log → shelfsync.log.1 → … → shelfsync.log.<keep>, oldest
 * dropped. Writing the log never throws: a full disk must not turn one error into a second one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { redactSecrets } from '../../src-shared/redact';

export const LOG_DIR = 'logs';
export const LOG_FILE = 'shelfsync.log';

export interface ErrorLogOptions {
  /** Rotate once the file would grow past this many bytes (default 1 MiB). */
  maxBytes?: number;
  /** Rotated files kept besides the current one (default 3). */
  keep?: number;
  now?: () => Date;
}

export interface ErrorLog {
  readonly file: string;
  /** Writes the error with what was being done; answers the error id to show the user. */
  record(error: unknown, context: string): string;
}

/** A short id a clerk can read out on the phone: 8 letters and digits, no look-alikes. */
export function newErrorId(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
  return [...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('');
}

export function describeForLog(error: unknown): string {
  if (error instanceof Error) {
    const stack = error.stack ?? `${error.name}: ${error.message}`;
    const cause = error.cause === undefined ? '' : `\n  caused by: ${describeForLog(error.cause)}`;
    return stack + cause;
  }
  try {
    return `thrown value: ${JSON.stringify(error)}`;
  } catch {
    return `thrown value: ${String(error)}`;
  }
}

export function createErrorLog(dataDir: string, options: ErrorLogOptions = {}): ErrorLog {
  const dir = path.join(dataDir, LOG_DIR);
  const file = path.join(dir, LOG_FILE);
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 3;
  const now = options.now ?? (() => new Date());

  const rotate = () => {
    fs.rmSync(`${file}.${keep}`, { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      if (fs.existsSync(`${file}.${n}`)) fs.renameSync(`${file}.${n}`, `${file}.${n + 1}`);
    }
    if (keep >= 1) fs.renameSync(file, `${file}.1`);
    else fs.rmSync(file, { force: true });
  };

  const write = (entry: string) => {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
    if (size > 0 && size + Buffer.byteLength(entry) > maxBytes) rotate();
    fs.appendFileSync(file, entry, { mode: 0o600 });
  };

  return {
    file,
    record(error, context) {
      const id = newErrorId();
      const body = redactSecrets(`${now().toISOString()} error ${id} while ${context}\n${describeForLog(error)}`);
      try {
        write(body.replace(/\n/g, '\n  ') + '\n');
      } catch {
        // The log could not be written (disk full, folder removed): the answer still carries the id.
      }
      return id;
    },
  };
}

/** The sentence an answer shows for an error nobody expected. */
export function unexpectedErrorMessage(id: string): string {
  return `Something went wrong inside ShelfSync (error id ${id}); the action was not completed. The details are in the log file under the data folder's logs folder.`;
}
