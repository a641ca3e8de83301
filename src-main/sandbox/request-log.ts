// Counts of API calls by endpoint and a short log of recent ones, for tests that assert how a
// client talks to QuickBooks (how many pages, retries, refreshes).

import type { JsonObject } from './json.js';

export interface LoggedRequest {
  at: string;
  method: string;
  path: string;
  endpoint: string;
  status: number;
  note?: string;
}

const KEEP = 1000;

export class RequestLog {
  private counts = new Map<string, number>();
  private recent: LoggedRequest[] = [];
  private total = 0;
  /** Requests that arrived and are not handled yet, by endpoint (a caller that went away does not end one). */
  private open = new Map<string, number>();

  begin(endpoint: string): void {
    this.open.set(endpoint, (this.open.get(endpoint) ?? 0) + 1);
  }

  end(endpoint: string): void {
    const n = (this.open.get(endpoint) ?? 0) - 1;
    if (n > 0) this.open.set(endpoint, n);
    else this.open.delete(endpoint);
  }

  record(entry: LoggedRequest): void {
    this.total++;
    this.counts.set(entry.endpoint, (this.counts.get(entry.endpoint) ?? 0) + 1);
    const statusKey = `${entry.endpoint} ${entry.status}`;
    this.counts.set(statusKey, (this.counts.get(statusKey) ?? 0) + 1);
    this.recent.push(entry);
    if (this.recent.length > KEEP * 2) this.recent = this.recent.slice(-KEEP);
  }

  view(): JsonObject {
    const recent = this.recent.slice(-KEEP).map((r): JsonObject => {
      const row: JsonObject = { at: r.at, method: r.method, path: r.path, endpoint: r.endpoint, status: r.status };
      if (r.note !== undefined) row.note = r.note;
      return row;
    });
    return { total: this.total, byEndpoint: Object.fromEntries(this.counts), inFlight: Object.fromEntries(this.open), recent };
  }

  reset(): void {
    this.counts = new Map();
    this.open = new Map();
    this.recent = [];
    this.total = 0;
  }
}

/** `GET item`, `POST query`, `POST token`: the method and the resource, without ids. */
export function endpointKey(method: string, path: string): string {
  const api = /^\/v3\/company\/[^/]+\/([^/?]+)/.exec(path);
  if (api?.[1]) return `${method} ${api[1].toLowerCase()}`;
  if (path.startsWith('/oauth2/v1/tokens/bearer')) return `${method} token`;
  if (path.startsWith('/v2/oauth2/tokens/revoke')) return `${method} revoke`;
  if (path.startsWith('/v1/openid_connect/userinfo')) return `${method} userinfo`;
  if (path.startsWith('/connect/oauth2')) return `${method} authorize`;
  return `${method} other`;
}
