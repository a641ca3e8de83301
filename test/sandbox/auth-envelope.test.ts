import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPracticeCompany, type PracticeCompanyServer } from '../../src-main/sandbox/index.js';
import { admin, Api, asObj, libraryFault, nodeQuickbooks, nqb, path, rejection, ROOMY_LIMITS, type Answer } from './helpers.js';

let sb: PracticeCompanyServer;

beforeAll(async () => {
  sb = await startPracticeCompany({ seed: 15, size: 'tiny', limits: ROOMY_LIMITS });
});
afterAll(async () => {
  await sb.close();
});

const ENVELOPE = [
  'warnings', 'intuitObject', 'fault', 'report', 'queryResponse', 'batchItemResponse', 'attachableResponse',
  'syncErrorResponse', 'requestId', 'time', 'status', 'cdcresponse',
];

function expectGatewayEnvelope(r: Answer, detail: string): void {
  expect(r.status).toBe(401);
  expect(r.headers.get('www-authenticate')).toBe('Bearer realm="Intuit", error="invalid_token"');
  const body = asObj(r.body);
  expect(Object.keys(body)).toEqual(ENVELOPE);
  expect(body).toMatchObject({
    warnings: null, intuitObject: null, report: null, queryResponse: null, batchItemResponse: [], attachableResponse: [],
    syncErrorResponse: null, requestId: null, status: null, cdcresponse: [],
  });
  expect(typeof body.time).toBe('number');
  expect(Math.abs(Number(body.time) - sb.now())).toBeLessThan(60_000);
  expect(path(body, 'fault', 'type')).toBe('AUTHENTICATION');
  expect(path(body, 'fault', 'error', 0)).toEqual({
    message: 'message=AuthenticationFailed; errorCode=003200; statusCode=401', detail, code: '3200', element: null,
  });
}

describe('the 401 answer', () => {
  it('is the gateway\'s whole lower-case envelope when no token is sent', async () => {
    const r = await new Api(sb, '').get('customer/1');
    expectGatewayEnvelope(r, 'Authorization header missing or not a bearer token');
  });

  it('is the same envelope for an expired and for a revoked token, and never repeats the token', async () => {
    const api = Api.connect(sb);
    sb.advanceClock(3601);
    const expired = await api.get('customer/1');
    expectGatewayEnvelope(expired, 'Token expired');
    expect(expired.text).not.toContain(api.accessToken);
    const fresh = Api.connect(sb);
    await admin(sb, 'POST', '/tokens/revoke');
    const revoked = await fresh.query('select * from Item');
    expectGatewayEnvelope(revoked, 'Token invalid');
  });

  it('reaches node-quickbooks as an HTTP 401 whose data is the envelope', async () => {
    const qbo = nodeQuickbooks(sb, 'not-a-token');
    const { status, body } = libraryFault(await rejection(nqb((cb) => qbo.getCustomer('1', cb))));
    expect(status).toBe(401);
    expect(Object.keys(asObj(body))).toEqual(ENVELOPE);
  });
});
