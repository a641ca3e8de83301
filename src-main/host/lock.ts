/**
 * One host per data folder. The lock file names the owner's pid and, when it serves one, the
 * WebSocket address a CLI `call` can use to reach it (mode 0600: it holds the launch token).
 */
import fs from 'node:fs';
import path from 'node:path';

export interface LockInfo {
  pid: number;
  startedAt: string;
  /** ws://127.0.0.1:PORT/ws?token=… when the owner serves the contract. */
  endpoint?: string;
}

export interface DataDirLock {
  readonly file: string;
  setEndpoint(endpoint: string): void;
  release(): void;
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockInfo,
  ) {
    super(
      `The data folder ${dataDir} is already in use by ShelfSync (process ${owner.pid}). ` +
        'Close that window or server first, or choose another folder with --data.',
    );
    this.name = 'DataDirBusyError';
  }
}

export function lockFilePath(dataDir: string): string {
  return path.join(dataDir, 'shelfsync.lock');
}

/** The live owner of a data folder, or null when nobody holds it (a stale lock counts as nobody). */
export function readLockOwner(dataDir: string): LockInfo | null {
  let info: LockInfo;
  try {
    info = JSON.parse(fs.readFileSync(lockFilePath(dataDir), 'utf8')) as LockInfo;
  } catch {
    return null;
  }
  return isAlive(info.pid) ? info : null;
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = lockFilePath(dataDir);
  const info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx', mode: 0o600 });
      return handle(file, info);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readLockOwner(dataDir);
      if (owner) throw new DataDirBusyError(dataDir, owner);
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock ${file}.`);
}

function handle(file: string, info: LockInfo): DataDirLock {
  let released = false;
  return {
    file,
    setEndpoint(endpoint) {
      info.endpoint = endpoint;
      fs.writeFileSync(file, JSON.stringify(info), { mode: 0o600 });
    },
    release() {
      if (released) return;
      released = true;
      fs.rmSync(file, { force: true });
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
