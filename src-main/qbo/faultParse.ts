/**
 * Reads Intuit's fault bodies in every shape they arrive in: `Fault`/`Error` JSON, the gateway's
 * lower-case `fault`/`error` JSON, and the XML `IntuitResponse` (throttling answers in XML even when
 * JSON was asked for).
 */
export interface ParsedFault {
  code: string | null;
  message: string | null;
  detail: string | null;
  element: string | null;
  type: string | null;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);

/** The first error of a fault in `body`, or null when the body holds none. */
export function parseFault(body: unknown): ParsedFault | null {
  if (body === null || body === undefined) return null;
  if (Buffer.isBuffer(body)) return parseFault(body.toString('utf8'));
  if (typeof body === 'string') {
    const text = body.trim();
    if (text.startsWith('<')) return parseXmlFault(text);
    if (text.startsWith('{')) {
      try {
        return parseFault(JSON.parse(text) as unknown);
      } catch {
        return null;
      }
    }
    return null;
  }
  if (!isObject(body)) return null;
  const fault = body.Fault ?? body.fault;
  if (isObject(fault)) return fromFaultObject(fault);
  // The token endpoint's OAuth error shape: {"error":"invalid_grant","error_description":…}
  if (typeof body.error === 'string') {
    return { code: body.error, message: body.error, detail: str(body.error_description), element: null, type: 'OAuth' };
  }
  return null;
}

export function fromFaultObject(fault: Json): ParsedFault {
  const errors = fault.Error ?? fault.error;
  const first: unknown = Array.isArray(errors) ? errors[0] : errors;
  const e: Json = isObject(first) ? first : {};
  return {
    code: str(e.code),
    message: str(e.Message ?? e.message),
    detail: str(e.Detail ?? e.detail),
    element: str(e.element),
    type: str(fault.type),
  };
}

function parseXmlFault(xml: string): ParsedFault | null {
  const fault = /<Fault\b([^>]*)>([\s\S]*?)<\/Fault>/i.exec(xml);
  if (!fault) return null;
  const error = /<Error\b([^>]*)>([\s\S]*?)<\/Error>/i.exec(fault[2] ?? '');
  const attrs = error?.[1] ?? '';
  const inner = error?.[2] ?? '';
  return {
    code: attr(attrs, 'code'),
    message: element(inner, 'Message'),
    detail: element(inner, 'Detail'),
    element: attr(attrs, 'element'),
    type: attr(fault[1] ?? '', 'type'),
  };
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(attrs);
  return m?.[1] ? decodeXml(m[1]) : null;
}

function element(inner: string, name: string): string | null {
  const m = new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`).exec(inner);
  return m?.[1] ? decodeXml(m[1].trim()) : null;
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');
}

/** Milliseconds to wait from a `Retry-After` header (seconds or an HTTP date), if present and sane. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
