// Faults injected by the admin API into the next N matching requests: throttling, server
// errors, dropped connections, slow answers, and writes that commit but never answer.

export const FAULT_KINDS = ['429', '500', '503', 'drop', 'slow', 'commitThenDrop'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultMatch {
  method?: string;
  pathIncludes?: string;
  entity?: string;
}

export interface FaultRule {
  id: number;
  match: FaultMatch;
  kind: FaultKind;
  remaining: number;
  delayMs: number;
  /** A `Retry-After` header on an injected 429 (Intuit documents none; absent by default). */
  retryAfterSeconds?: number;
}

export interface RequestFacts {
  method: string;
  path: string;
  /** The entity the request is about (`Item` for /item/5 or a query FROM Item), if any. */
  entity?: string;
}

export class FaultInjector {
  private rules: FaultRule[] = [];
  private nextId = 1;

  add(match: FaultMatch, kind: FaultKind, count: number, delayMs: number, retryAfterSeconds?: number): FaultRule {
    const rule: FaultRule = { id: this.nextId++, match, kind, remaining: count, delayMs };
    if (retryAfterSeconds !== undefined) rule.retryAfterSeconds = retryAfterSeconds;
    this.rules.push(rule);
    return rule;
  }

  /** Consumes one use of the first rule that matches, oldest first. */
  take(facts: RequestFacts): FaultRule | undefined {
    const rule = this.rules.find((r) => r.remaining > 0 && matches(r.match, facts));
    if (!rule) return undefined;
    rule.remaining--;
    if (rule.remaining === 0) this.rules = this.rules.filter((r) => r !== rule);
    return { ...rule };
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  clear(): void {
    this.rules = [];
  }
}

function matches(m: FaultMatch, f: RequestFacts): boolean {
  if (m.method !== undefined && m.method.toUpperCase() !== f.method.toUpperCase()) return false;
  if (m.pathIncludes !== undefined && !f.path.includes(m.pathIncludes)) return false;
  if (m.entity !== undefined && m.entity.toLowerCase() !== (f.entity ?? '').toLowerCase()) return false;
  return true;
}
