// The language of the known-field lists: what JSON type each property takes, which nested object it
// holds, and which properties Intuit computes itself (accepted when a client echoes them, then dropped).

/** Scalar JSON types, named after the XSD types of Intuit's schema (Finance.xsd, IntuitBaseTypes.xsd). */
export type Scalar = 'string' | 'id' | 'decimal' | 'int' | 'boolean' | 'date' | 'dateTime';

export interface Shape {
  /** The Java class Intuit's JSON mapper names in its faults (com.intuit.schema.finance.v3.…). */
  readonly className: string;
  readonly fields: Readonly<Record<string, Field>>;
}

export type FieldType =
  | Scalar
  /** Any JSON object: a part of Intuit's schema the sandbox keeps but does not look inside. */
  | 'object'
  | Shape
  /** A nested shape that refers back to its parent (a group line holds lines). */
  | (() => Shape)
  | ListOf;

export interface ListOf {
  readonly list: FieldType;
}

export interface Field {
  readonly type: FieldType;
  /** Computed by QuickBooks: a client may echo it, QuickBooks ignores it. */
  readonly readOnly: boolean;
}

export type FieldSpec = FieldType | Field;

function isField(spec: FieldSpec): spec is Field {
  return typeof spec === 'object' && 'readOnly' in spec;
}

export function shape(className: string, specs: Readonly<Record<string, FieldSpec>>): Shape {
  const fields: Record<string, Field> = {};
  for (const [name, spec] of Object.entries(specs)) fields[name] = isField(spec) ? spec : { type: spec, readOnly: false };
  return { className: `com.intuit.schema.finance.v3.${className}`, fields };
}

export const list = (of: FieldType): ListOf => ({ list: of });
export const readOnly = (type: FieldType): Field => ({ type, readOnly: true });

export function resolveShape(type: Shape | (() => Shape)): Shape {
  return typeof type === 'function' ? type() : type;
}
