/** One HTTP exchange reduced to what the client needs; the raw library error is dropped here. */
export type RawAnswer =
  | { kind: 'http'; status: number; body: unknown; retryAfter: string | null }
  | { kind: 'network'; what: string };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null;

/** Reduces an axios-style error or a fault body (what node-quickbooks calls back with) to a RawAnswer. */
export function answerFromLibraryError(err: unknown, res: unknown): RawAnswer {
  if (isObject(err) && isObject(err.response)) return fromResponse(err.response);
  if (isObject(err) && (err.isAxiosError === true || typeof err.code === 'string') && !('Fault' in err) && !('fault' in err)) {
    return { kind: 'network', what: typeof err.code === 'string' ? err.code : 'no answer' };
  }
  // A 2xx answer that carried a Fault: node-quickbooks passes the body as the error.
  const status = isObject(res) && typeof res.status === 'number' ? res.status : 200;
  return { kind: 'http', status, body: err, retryAfter: headerOf(res, 'retry-after') };
}

export function fromResponse(res: Json): RawAnswer {
  const status = typeof res.status === 'number' ? res.status : 0;
  return { kind: 'http', status, body: res.data, retryAfter: headerOf(res, 'retry-after') };
}

function headerOf(res: unknown, name: string): string | null {
  if (!isObject(res) || !isObject(res.headers)) return null;
  const headers = res.headers;
  const get = headers.get;
  if (typeof get === 'function') {
    const v: unknown = get.call(headers, name);
    if (typeof v === 'string') return v;
  }
  const v = headers[name] ?? headers[name.toLowerCase()];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}
