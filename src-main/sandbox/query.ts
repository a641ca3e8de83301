// Parser for QuickBooks' query language: SELECT * | COUNT(*) | col, … FROM Entity [WHERE … AND …]
// [ORDERBY …] [STARTPOSITION n] [MAXRESULTS m]. Anything else is a QueryParserError, as at Intuit;
// whether the entity and its properties exist is query-run.ts's QueryValidationError.

import { fault } from './errors.js';

export type Literal = string | number | boolean;
export type Operator = '=' | '<' | '>' | '<=' | '>=' | 'IN' | 'LIKE';

export interface Condition {
  path: string[];
  op: Operator;
  values: Literal[];
}

export interface OrderBy {
  path: string[];
  desc: boolean;
}

export interface ParsedQuery {
  count: boolean;
  /** The column list of `SELECT Id, Name FROM …`; absent for `SELECT *` and `COUNT(*)`. */
  columns?: string[][];
  entity: string;
  where: Condition[];
  orderBy: OrderBy[];
  startPosition?: number;
  maxResults?: number;
}

interface Token {
  kind: 'word' | 'number' | 'string' | 'symbol' | 'end';
  text: string;
  value: string;
  column: number;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/\s/.test(c)) { i++; continue; }
    const column = i + 1;
    if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw fault.queryParse(`Lexical error at line 1, column ${column}. Unterminated string.`);
        const ch = text.charAt(i);
        if (ch === '\\' && i + 1 < text.length) { value += text.charAt(i + 1); i += 2; continue; }
        if (ch === "'") { i++; break; }
        value += ch;
        i++;
      }
      out.push({ kind: 'string', text: `'${value}'`, value, column });
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(text.slice(i));
    if (num && (c !== '-' || /\d/.test(text.charAt(i + 1)))) {
      out.push({ kind: 'number', text: num[0], value: num[0], column });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (word) {
      out.push({ kind: 'word', text: word[0], value: word[0], column });
      i += word[0].length;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '<=' || two === '>=') {
      out.push({ kind: 'symbol', text: two, value: two, column });
      i += 2;
      continue;
    }
    if ('=<>(),*.'.includes(c)) {
      out.push({ kind: 'symbol', text: c, value: c, column });
      i++;
      continue;
    }
    throw fault.queryParse(`Lexical error at line 1, column ${column}. Encountered: "${c}"`);
  }
  out.push({ kind: 'end', text: '<EOF>', value: '', column: text.length + 1 });
  return out;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos] ?? { kind: 'end', text: '<EOF>', value: '', column: 0 };
  }

  private fail(t: Token): never {
    throw fault.queryParse(`Encountered " ${t.kind === 'end' ? '<EOF>' : `"${t.text}"`} " at line 1, column ${t.column}.`);
  }

  private next(): Token {
    const t = this.peek();
    this.pos++;
    return t;
  }

  private isKeyword(word: string): boolean {
    const t = this.peek();
    return t.kind === 'word' && t.value.toUpperCase() === word;
  }

  private keyword(word: string): void {
    if (!this.isKeyword(word)) this.fail(this.peek());
    this.pos++;
  }

  private symbol(s: string): void {
    const t = this.peek();
    if (t.kind !== 'symbol' || t.value !== s) this.fail(t);
    this.pos++;
  }

  private integer(): number {
    const t = this.next();
    if (t.kind !== 'number' || !/^\d+$/.test(t.value)) this.fail(t);
    return Number(t.value);
  }

  private path(): string[] {
    const first = this.next();
    if (first.kind !== 'word') this.fail(first);
    const parts = [first.value];
    while (this.peek().kind === 'symbol' && this.peek().value === '.') {
      this.pos++;
      const t = this.next();
      if (t.kind !== 'word') this.fail(t);
      parts.push(t.value);
    }
    return parts;
  }

  private literal(): Literal {
    const t = this.next();
    if (t.kind === 'string') return t.value;
    if (t.kind === 'number') return Number(t.value);
    if (t.kind === 'word' && /^(true|false)$/i.test(t.value)) return t.value.toLowerCase() === 'true';
    return this.fail(t);
  }

  private condition(): Condition {
    const path = this.path();
    const t = this.next();
    if (t.kind === 'word' && t.value.toUpperCase() === 'IN') {
      this.symbol('(');
      const values = [this.literal()];
      while (this.peek().kind === 'symbol' && this.peek().value === ',') { this.pos++; values.push(this.literal()); }
      this.symbol(')');
      return { path, op: 'IN', values };
    }
    if (t.kind === 'word' && t.value.toUpperCase() === 'LIKE') {
      const v = this.literal();
      if (typeof v !== 'string') this.fail(t);
      return { path, op: 'LIKE', values: [v] };
    }
    if (t.kind === 'symbol' && ['=', '<', '>', '<=', '>='].includes(t.value)) {
      return { path, op: t.value as Operator, values: [this.literal()] };
    }
    return this.fail(t);
  }

  parse(): ParsedQuery {
    this.keyword('SELECT');
    let count = false;
    let columns: string[][] | undefined;
    if (this.isKeyword('COUNT')) {
      this.pos++;
      this.symbol('(');
      this.symbol('*');
      this.symbol(')');
      count = true;
    } else if (this.peek().kind === 'symbol' && this.peek().value === '*') {
      this.pos++;
    } else {
      columns = [this.path()];
      while (this.peek().kind === 'symbol' && this.peek().value === ',') { this.pos++; columns.push(this.path()); }
    }
    this.keyword('FROM');
    const entityToken = this.next();
    if (entityToken.kind !== 'word') this.fail(entityToken);
    const q: ParsedQuery = { count, entity: entityToken.value, where: [], orderBy: [] };
    if (columns) q.columns = columns;
    if (this.isKeyword('WHERE')) {
      this.pos++;
      q.where.push(this.condition());
      while (this.isKeyword('AND')) { this.pos++; q.where.push(this.condition()); }
    }
    for (;;) {
      if (this.isKeyword('ORDERBY') || this.isKeyword('ORDER')) {
        if (this.isKeyword('ORDER')) { this.pos++; this.keyword('BY'); } else this.pos++;
        do {
          if (q.orderBy.length > 0) this.pos++;
          const path = this.path();
          let desc = false;
          if (this.isKeyword('DESC')) { desc = true; this.pos++; } else if (this.isKeyword('ASC')) this.pos++;
          q.orderBy.push({ path, desc });
        } while (this.peek().kind === 'symbol' && this.peek().value === ',');
      } else if (this.isKeyword('STARTPOSITION') && q.startPosition === undefined) {
        this.pos++;
        q.startPosition = this.integer();
      } else if (this.isKeyword('MAXRESULTS') && q.maxResults === undefined) {
        this.pos++;
        q.maxResults = this.integer();
      } else {
        break;
      }
    }
    if (this.peek().kind !== 'end') this.fail(this.peek());
    return q;
  }
}

export function parseQuery(text: string): ParsedQuery {
  return new Parser(tokenize(text)).parse();
}
