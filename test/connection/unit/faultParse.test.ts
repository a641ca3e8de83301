import { describe, expect, it } from 'vitest';
import { parseFault, parseRetryAfter } from '../../../src-main/qbo/faultParse';
import { faultToError } from '../../../src-main/qbo/errors';

const throttleXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<IntuitResponse xmlns="http://schema.intuit.com/finance/v3" time="2024-01-01T00:00:00.000-08:00">'
  + '<Fault type="SERVICE"><Error code="3001"><Message>message=ThrottleExceeded; errorCode=003001; statusCode=429</Message>'
  + '<Detail>The request limit was reached. Wait 60 seconds, then try again.</Detail></Error></Fault></IntuitResponse>';

describe('reading QuickBooks faults', () => {
  it('reads the XML throttle answer as throttled with code 3001', () => {
    expect(parseFault(throttleXml)).toEqual({
      code: '3001',
      message: 'message=ThrottleExceeded; errorCode=003001; statusCode=429',
      detail: 'The request limit was reached. Wait 60 seconds, then try again.',
      element: null,
      type: 'SERVICE',
    });
    expect(faultToError(429, throttleXml)).toMatchObject({ kind: 'throttled', code: '3001', status: 429 });
  });

  it('reads the gateway\'s lower-case fault as an expired sign-in', () => {
    const body = { fault: { error: [{ message: 'message=AuthenticationFailed; errorCode=003200; statusCode=401', detail: 'Token expired', code: '3200', element: null }], type: 'AUTHENTICATION' }, time: 1 };
    expect(faultToError(401, body)).toMatchObject({ kind: 'auth', code: '3200', detail: 'Token expired' });
  });

  it('names the duplicate customer so the clerk knows what to rename', () => {
    const body = { Fault: { Error: [{ Message: 'Duplicate Name Exists Error', Detail: 'The name supplied already exists.', code: '6240', element: 'Name' }], type: 'ValidationFault' } };
    const error = faultToError(400, JSON.stringify(body), { entity: 'Customer', body: { DisplayName: 'Acme' } });
    expect(error?.message).toBe('A customer, vendor or employee named “Acme” already exists in QuickBooks. Rename one of them.');
    expect(error).toMatchObject({ kind: 'duplicate', element: 'Name' });
  });

  it.each([
    ['5010', 'stale', /Someone changed this invoice/],
    ['6140', 'duplicate', /document number 1001 is already used/],
    ['610', 'notFound', /no longer exists in QuickBooks/],
    ['2500', 'validation', /refers to \(ItemRef\)/],
  ])('explains code %s as %s in words a clerk can act on', (code, kind, message) => {
    const body = { Fault: { Error: [{ Message: 'x', Detail: 'y', code, element: code === '2500' ? 'ItemRef' : '' }], type: 'ValidationFault' } };
    const error = faultToError(400, body, { entity: 'Invoice', body: { DocNumber: '1001' } });
    expect(error?.kind).toBe(kind);
    expect(error?.message).toMatch(message);
  });

  it('treats a 200 answer that carries a Fault as a failure', () => {
    expect(faultToError(200, { Fault: { Error: [{ Message: 'm', code: '6000' }] } })?.kind).toBe('validation');
    expect(faultToError(200, { Item: { Id: '1' } })).toBeNull();
  });

  it('never lets a bearer token through into a message', () => {
    const body = { Fault: { Error: [{ Message: 'm', Detail: 'header was Authorization: Bearer eyJabc.def-ghi', code: '6000' }] } };
    const error = faultToError(400, body);
    expect(error?.message).not.toContain('eyJabc');
    expect(error?.detail).not.toContain('eyJabc');
  });

  it('honours Retry-After in seconds or as a date', () => {
    expect(parseRetryAfter('7', 0)).toBe(7000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(faultToError(429, '', {}, 7000)?.retryAfterMs).toBe(7000);
  });
});
