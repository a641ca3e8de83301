// Intuit's fault shapes, and the error thrown inside the sandbox when a request must fail.
// Message strings follow what Intuit's API answers, because clients match on them.

import type { JsonObject } from './json.js';

export interface FaultError {
  Message: string;
  Detail: string;
  code: string;
  element: string;
}

export type FaultType = 'ValidationFault' | 'SystemFault' | 'AuthenticationFault' | 'AuthorizationFault' | 'SERVICE';

export class QboFault extends Error {
  constructor(
    readonly status: number,
    readonly errors: FaultError[],
    readonly type: FaultType = 'ValidationFault',
  ) {
    super(errors[0]?.Message ?? 'fault');
  }

  body(time: string): JsonObject {
    return { Fault: this.faultObject(), time };
  }

  faultObject(): JsonObject {
    return { Error: this.errors.map((e) => ({ ...e })), type: this.type };
  }
}

const one = (status: number, code: string, Message: string, Detail: string, element = ''): QboFault =>
  new QboFault(status, [{ Message, Detail, code, element }]);

const BUSINESS = 'A business validation error has occurred while processing your request';

/** "an Income", "a Bank". */
export const withArticle = (words: string): string => `${/^[AEIOU]/i.test(words) ? 'an' : 'a'} ${words}`;

export const fault = {
  required: (field: string): QboFault =>
    one(400, '2020', 'Required param missing, need to supply the required value for the API',
      `Required parameter ${field} is missing in the request`, field),
  invalidRef: (field: string, id: string): QboFault =>
    one(400, '2500', 'Invalid Reference Id',
      `Invalid Reference Id : Something you're trying to use has been made inactive or does not exist: ${field} ${id}`, field),
  invalidId: (id: string): QboFault => one(400, '2030', 'Invalid ID', `Id should be a valid number. Supplied value:${id}`, 'Id'),
  notFound: (entity: string, id: string): QboFault =>
    one(400, '610', 'Object Not Found',
      `Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees. (${entity} ${id})`),
  stale: (): QboFault =>
    one(400, '5010', 'Stale Object Error',
      'Stale Object Error : You and another user were working on this at the same time. The other user finished before you did, so your work was not saved.',
      'SyncToken'),
  duplicateName: (what: string): QboFault =>
    one(400, '6240', 'Duplicate Name Exists Error',
      `The name supplied already exists. : Another ${what} is already using this name. Please use a different name.`, 'Name'),
  duplicateDoc: (docNumber: string, entity: string, id: string): QboFault =>
    one(400, '6140', 'Duplicate Document Number Error',
      `You must specify a different number. This number has already been used. DocNumber=${docNumber} is assigned to TxnType=${entity} with TxnId=${id}`,
      'DocNumber'),
  business: (detail: string, element = ''): QboFault =>
    one(400, '6000', BUSINESS, `Business Validation Error: ${detail}`, element),
  /** An account reference of a type the field does not take (Intuit's wording, then the account named). */
  accountType: (field: string, account: string, type: string, rule: string): QboFault =>
    one(400, '6000', BUSINESS,
      `Business Validation Error: Invalid account type: You need to select a different type of account for this transaction. ${field} refers to the account "${account}", ${withArticle(type)} account; ${rule}.`,
      field),
  amountMismatch: (supplied: number): QboFault =>
    one(400, '6070', 'Amount is not equal to UnitPrice * Qty', `Amount is not equal to UnitPrice * Qty. Supplied value:${supplied}`, 'Amount'),
  invalidValue: (field: string, value: string): QboFault =>
    one(400, '2170', 'Invalid Enumeration', `Invalid Enumeration : ${value} for ${field}`, field),
  tooLong: (field: string, max: number): QboFault =>
    one(400, '2050', 'String length is either shorter or longer than supported by specification',
      `String length specified does not match the supported length. Min:0 Max:${max} supported. ${field}`, field),
  unsupported: (detail: string): QboFault =>
    one(400, '2010', 'Request has invalid or unsupported property', `Property Name:${detail} specified is unsupported or invalid`),
  badBody: (detail: string): QboFault =>
    one(400, '2010', 'Request has invalid or unsupported property', `Error parsing object: ${detail}`),
  queryParse: (detail: string): QboFault =>
    one(400, '4000', 'Error parsing query', `QueryParserError: ${detail}`),
  queryValidation: (detail: string): QboFault =>
    one(400, '4001', 'Invalid query', `QueryValidationError: ${detail}`),
  /** A path the API has no resource for (Intuit answers 400 with code 500, not a 404). */
  unsupportedOperation: (path: string): QboFault =>
    one(400, '500', 'Unsupported Operation',
      `Operation Could not find resource for relative : ${path} of full path: https://quickbooks.api.intuit.com${path} is not supported.`),
  system: (status: number): QboFault =>
    new QboFault(status, [{
      Message: 'An application error has occurred while processing your request',
      Detail: 'System Failure Error: An unexpected error occurred while accessing or saving your data. Please wait a few minutes and try again.',
      code: '10000',
      element: '',
    }], 'SystemFault'),
  /** A request that ran past Intuit's 120 s: the gateway gives up and nothing was done (our wording). */
  timedOut: (seconds: number): QboFault =>
    new QboFault(504, [{
      Message: 'An application error has occurred while processing your request',
      Detail: `System Failure Error: The request took longer than ${seconds} seconds and was stopped. Nothing was saved; try again.`,
      code: '10000',
      element: '',
    }], 'SystemFault'),
  authorization: (): QboFault =>
    new QboFault(403, [{
      Message: 'message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403',
      Detail: 'The token is not valid for this company.',
      code: '3100',
      element: '',
    }], 'SERVICE'),
};

export const THROTTLE_MESSAGE = 'message=ThrottleExceeded; errorCode=003001; statusCode=429';
export const THROTTLE_DETAIL = 'The request limit was reached. Wait 60 seconds, then try again.';

export function throttleJson(time: string): JsonObject {
  return { Fault: { Error: [{ Message: THROTTLE_MESSAGE, Detail: THROTTLE_DETAIL, code: '3001', element: '' }], type: 'SERVICE' }, time };
}

/** The XML body Intuit sends on 429 even when JSON was asked for. */
export function throttleXml(time: string): string {
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + `<IntuitResponse xmlns="http://schema.intuit.com/finance/v3" time="${time}">`
    + '<Fault type="SERVICE"><Error code="3001">'
    + `<Message>${THROTTLE_MESSAGE}</Message><Detail>${THROTTLE_DETAIL}</Detail>`
    + '</Error></Fault></IntuitResponse>';
}

/**
 * The gateway's lower-case JSON for a missing, expired or revoked access token: the whole envelope
 * it answers with (empty members as null or [] as recorded), `time` in epoch milliseconds. Unlike
 * Intuit, the detail never repeats the token.
 */
export function authFailureJson(nowMs: number, detail: string): JsonObject {
  return {
    warnings: null,
    intuitObject: null,
    fault: {
      error: [{ message: 'message=AuthenticationFailed; errorCode=003200; statusCode=401', detail, code: '3200', element: null }],
      type: 'AUTHENTICATION',
    },
    report: null,
    queryResponse: null,
    batchItemResponse: [],
    attachableResponse: [],
    syncErrorResponse: null,
    requestId: null,
    time: nowMs,
    status: null,
    cdcresponse: [],
  };
}
