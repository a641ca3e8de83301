// Answers remembered by requestid: a repeated id gets the original answer and changes nothing.

import type { HttpResult } from './http.js';

const CAPACITY = 50_000;

export class RequestIdCache {
  private readonly entries = new Map<string, HttpResult>();

  constructor(saved: Array<[string, HttpResult]> = []) {
    for (const [k, v] of saved) this.entries.set(k, v);
  }

  get(key: string): HttpResult | undefined {
    return this.entries.get(key);
  }

  set(key: string, result: HttpResult): void {
    this.entries.set(key, result);
    if (this.entries.size > CAPACITY) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  snapshot(): Array<[string, HttpResult]> {
    return [...this.entries];
  }

  clear(): void {
    this.entries.clear();
  }
}
