// Keeps the company in one JSON file. Writes are debounced (at most one per second while
// changes keep coming) and done on close, so a busy sandbox never rewrites a big file per request.

import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CompanyStatus } from './company-status.js';
import type { HttpResult } from './http.js';
import type { SeedSize } from './seed.js';
import type { StoreSnapshot } from './store.js';
import type { TokenSnapshot } from './tokens.js';

export interface PracticeFile {
  version: 1;
  seed: number;
  size: SeedSize;
  clockOffsetMs: number;
  app: { clientId: string; clientSecret: string; redirectUris: string[] };
  store: StoreSnapshot;
  tokens: TokenSnapshot;
  requestIds: Array<[string, HttpResult]>;
  /** Absent in files written before the plan existed: those companies are Plus, subscribed, open. */
  companyStatus?: CompanyStatus;
}

export function loadPracticeFile(path: string): PracticeFile | undefined {
  if (!existsSync(path)) return undefined;
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || !('version' in parsed) || parsed.version !== 1) {
    throw new Error(`${path} is not a sandbox company file (version 1)`);
  }
  // The file is ours and was written by saveNow below; its shape is trusted past the version check.
  return parsed as PracticeFile;
}

const DEBOUNCE_MS = 1000;

export class Persister {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(
    private readonly path: string,
    private readonly state: () => PracticeFile,
  ) {}

  markDirty(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, DEBOUNCE_MS);
    this.timer.unref();
  }

  /** Writes now if anything changed; resolves when the file on disk is current. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    await this.writing;
    if (!this.dirty) return;
    this.dirty = false;
    this.writing = this.saveNow();
    await this.writing;
  }

  async saveNow(): Promise<void> {
    const text = JSON.stringify(this.state());
    await mkdir(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, this.path);
  }
}
