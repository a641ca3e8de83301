// Binds a request body to its entity's known fields the way Intuit's JSON mapper does: an unknown
// property or a wrongly typed value is a 2010 fault naming it; read-only fields are dropped; a null
// counts as absent. Numbers sent as strings are refused (stricter than a coercing mapper: see docs/sandbox.md).

import { isObject, type Json, type JsonObject } from '../json.js';
import { badValue, unrecognizedField, wrongType } from './faults.js';
import { resolveShape, type FieldType, type Scalar, type Shape } from './types.js';

const JAVA: Record<Scalar, string> = {
  string: 'java.lang.String', id: 'java.lang.String', decimal: 'java.math.BigDecimal', int: 'java.lang.Integer',
  boolean: 'java.lang.Boolean', date: 'java.util.Date', dateTime: 'java.util.Date',
};

const DATE = /^\d{4}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

function token(value: Json): string {
  if (Array.isArray(value)) return 'START_ARRAY';
  if (isObject(value)) return 'START_OBJECT';
  if (typeof value === 'string') return 'VALUE_STRING';
  if (typeof value === 'boolean') return value ? 'VALUE_TRUE' : 'VALUE_FALSE';
  return Number.isInteger(value) ? 'VALUE_NUMBER_INT' : 'VALUE_NUMBER_FLOAT';
}

interface Place {
  /** Jackson's reference chain up to the value. */
  chain: string;
  /** Dotted field path for the fault's element (list indexes left out). */
  element: string;
}

function scalar(type: Scalar, value: Json, at: Place): Json {
  const ok = (() => {
    switch (type) {
      case 'string':
      case 'id':
        return typeof value === 'string';
      case 'decimal':
        return typeof value === 'number' && Number.isFinite(value);
      case 'int':
        return typeof value === 'number' && Number.isInteger(value);
      case 'boolean':
        return typeof value === 'boolean';
      case 'date':
      case 'dateTime':
        return typeof value === 'string';
    }
  })();
  if (!ok) throw wrongType(JAVA[type], token(value), at.chain, at.element);
  if (type === 'date' && typeof value === 'string' && !DATE.test(value)) throw badValue(JAVA[type], value, at.chain, at.element);
  if (type === 'dateTime' && typeof value === 'string' && !DATE_TIME.test(value)) throw badValue(JAVA[type], value, at.chain, at.element);
  return value;
}

function bind(type: FieldType, value: Json, at: Place): Json {
  if (typeof type === 'string') {
    if (type === 'object') {
      if (!isObject(value)) throw wrongType('java.lang.Object', token(value), at.chain, at.element);
      return value;
    }
    return scalar(type, value, at);
  }
  if ('list' in type) {
    if (!Array.isArray(value)) throw wrongType('java.util.ArrayList', token(value), at.chain, at.element);
    return value.map((v, i) => bind(type.list, v, { chain: `${at.chain}->java.util.ArrayList[${i}]`, element: at.element }));
  }
  const target = resolveShape(type);
  if (!isObject(value)) throw wrongType(target.className, token(value), at.chain, at.element);
  return bindObject(target, value, at);
}

function bindObject(target: Shape, body: JsonObject, at: Place): JsonObject {
  const out: JsonObject = {};
  for (const [name, value] of Object.entries(body)) {
    const chain = `${at.chain === '' ? '' : `${at.chain}->`}${target.className}["${name}"]`;
    const element = at.element === '' ? name : `${at.element}.${name}`;
    const field = target.fields[name];
    if (!field) throw unrecognizedField(name, target.className, Object.keys(target.fields), chain, element);
    if (value === null || field.readOnly) continue;
    out[name] = bind(field.type, value, { chain, element });
  }
  return out;
}

/** The body as QuickBooks would read it, or a 2010 fault for the first property it cannot bind. */
export function bindBody(target: Shape, body: JsonObject): JsonObject {
  return bindObject(target, body, { chain: '', element: '' });
}
