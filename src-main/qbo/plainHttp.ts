/** Plain HTTP for what node-quickbooks lacks (batch with requestid, entities it does not know). */
import type { RawAnswer } from './answer';

export interface PlainRequest {
  method: 'GET' | 'POST';
  url: string;
  accessToken: string;
  body?: unknown;
  timeoutMs: number;
}

export async function sendPlain(req: PlainRequest): Promise<RawAnswer> {
  let res: Response;
  try {
    res = await fetch(req.url, {
      method: req.method,
      headers: {
        authorization: `Bearer ${req.accessToken}`,
        accept: 'application/json',
        ...(req.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
      signal: AbortSignal.timeout(req.timeoutMs),
    });
  } catch (error) {
    return { kind: 'network', what: describeFetchFailure(error) };
  }
  let text: string;
  try {
    text = await res.text();
  } catch (error) {
    return { kind: 'network', what: describeFetchFailure(error) };
  }
  return { kind: 'http', status: res.status, body: parseBody(text), retryAfter: res.headers.get('retry-after') };
}

function parseBody(text: string): unknown {
  const t = text.trim();
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

function describeFetchFailure(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timed out';
  const cause = error instanceof Error ? (error as Error & { cause?: { code?: unknown } }).cause : undefined;
  return typeof cause?.code === 'string' ? cause.code : 'connection failed';
}
