// The sandbox clock: real elapsed time plus an offset the admin API can push forward, so tests
// age tokens, refresh windows, CDC windows and rate-limit windows without sleeping.

import { performance } from 'node:perf_hooks';

/** Anything that tells the time in epoch milliseconds. */
export interface Clock {
  now(): number;
}

export class PracticeClock implements Clock {
  private readonly wallAtStart = Date.now();
  private readonly perfAtStart = performance.now();

  constructor(private offsetMs = 0) {}

  now(): number {
    return Math.floor(this.wallAtStart + (performance.now() - this.perfAtStart)) + this.offsetMs;
  }

  advance(seconds: number): void {
    this.offsetMs += Math.round(seconds * 1000);
  }

  get offset(): number {
    return this.offsetMs;
  }
}

// QuickBooks answers in the company's time zone; sandbox companies are in US Pacific time.
const ZONE = 'America/Los_Angeles';
const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const offsetCache = new Map<number, number>();

/** Offset of Pacific time from UTC in minutes at `ms` (cached per hour: DST moves on hours). */
function zoneOffsetMinutes(ms: number): number {
  const hour = Math.floor(ms / 3_600_000);
  const cached = offsetCache.get(hour);
  if (cached !== undefined) return cached;
  const p: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(new Date(hour * 3_600_000))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  const offset = Math.round((asUtc - hour * 3_600_000) / 60_000);
  if (offsetCache.size > 10_000) offsetCache.clear();
  offsetCache.set(hour, offset);
  return offset;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function localParts(ms: number): { d: Date; sign: string; off: string } {
  const offset = zoneOffsetMinutes(ms);
  const d = new Date(ms + offset * 60_000);
  const abs = Math.abs(offset);
  return { d, sign: offset < 0 ? '-' : '+', off: `${pad(Math.floor(abs / 60))}:${pad(abs % 60)}` };
}

/** `2016-04-13T07:34:40-07:00`, the shape of MetaData times. */
export function formatDateTime(ms: number): string {
  const { d, sign, off } = localParts(ms);
  return `${formatDate(ms)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${sign}${off}`;
}

/** `2016-04-13T07:52:34.949-07:00`, the shape of the response `time`. */
export function formatResponseTime(ms: number): string {
  const { d, sign, off } = localParts(ms);
  return `${formatDate(ms)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}${sign}${off}`;
}

/** The company-local calendar date, e.g. TxnDate defaults. */
export function formatDate(ms: number): string {
  const { d } = localParts(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Parses an ISO date or date-time; a bare date means midnight Pacific time. */
export function parseQboTime(text: string): number | undefined {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    const utc = Date.parse(`${t}T00:00:00Z`);
    if (Number.isNaN(utc)) return undefined;
    return utc - zoneOffsetMinutes(utc + 8 * 3_600_000) * 60_000;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(t)) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}
