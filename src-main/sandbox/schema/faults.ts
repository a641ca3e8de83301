// The 2010 faults Intuit's JSON mapper raises for a body it cannot bind: a property the class does not
// have, or a value of the wrong JSON type. Intuit wraps the mapper's message as
// "Property Name:<message> specified is unsupported or invalid"; the element names the field.

import { QboFault } from '../errors.js';

const MESSAGE = 'Request has invalid or unsupported property';
/** Jackson stops listing known properties after this many characters. */
const KNOWN_LIST_MAX = 1000;

const wrap = (detail: string, element: string): QboFault =>
  new QboFault(400, [{ Message: MESSAGE, Detail: `Property Name:${detail} specified is unsupported or invalid`, code: '2010', element }]);

function knownList(known: readonly string[]): string {
  let out = '';
  for (const name of known) {
    const next = `${out === '' ? '' : ', '}"${name}"`;
    if (out.length + next.length > KNOWN_LIST_MAX) return `${out} [truncated]`;
    out += next;
  }
  return out;
}

export function unrecognizedField(name: string, className: string, known: readonly string[], chain: string, element: string): QboFault {
  return wrap(
    `Unrecognized field "${name}" (class ${className}), not marked as ignorable (${known.length} known properties: ${knownList(known)}]) (through reference chain: ${chain})`,
    element,
  );
}

export function wrongType(javaType: string, token: string, chain: string, element: string): QboFault {
  return wrap(`Can not deserialize instance of ${javaType} out of ${token} token (through reference chain: ${chain})`, element);
}

export function badValue(javaType: string, value: string, chain: string, element: string): QboFault {
  return wrap(`Can not construct instance of ${javaType} from String value '${value}': not a valid representation (through reference chain: ${chain})`, element);
}
