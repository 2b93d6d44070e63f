import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** A small validator over botocore JSON service models (the fidelity reference, vendored in ./aws-models). */

interface MemberRef {
  readonly shape: string;
}

export interface Shape {
  readonly type: string;
  readonly members?: Readonly<Record<string, MemberRef>>;
  readonly required?: readonly string[];
  readonly member?: MemberRef;
  readonly key?: MemberRef;
  readonly value?: MemberRef;
  readonly enum?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly error?: { readonly code?: string };
}

export interface ServiceModel {
  readonly metadata: { readonly protocol: string };
  readonly operations: Readonly<Record<string, { readonly input?: MemberRef; readonly output?: MemberRef; readonly errors?: readonly MemberRef[] }>>;
  readonly shapes: Readonly<Record<string, Shape>>;
}

export const MODEL_FILES = {
  workspaces: 'workspaces-service-2.json',
  sts: 'sts-service-2.json',
  sso: 'sso-service-2.json',
  ssoOidc: 'sso-oidc-service-2.json',
  dynamodb: 'dynamodb-service-2.json',
} as const;

/** Where the models live: $DESKBRIDGE_AWS_MODELS, else the copies vendored beside this file. */
export function modelDirectory(): string {
  return process.env['DESKBRIDGE_AWS_MODELS'] ?? resolve(import.meta.dirname, 'aws-models');
}

export async function loadModel(service: keyof typeof MODEL_FILES): Promise<ServiceModel> {
  const text = await readFile(resolve(modelDirectory(), MODEL_FILES[service]), 'utf8');
  return JSON.parse(text) as ServiceModel;
}

/** AWS's errors common to all operations, plus the spellings the query protocol (STS) uses for them. */
export const COMMON_ERRORS: readonly string[] = [
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'ExpiredTokenException',
  'ThrottlingException',
  'AccessDeniedException',
  'ValidationException',
  'InternalFailure',
  'ServiceUnavailable',
  'SerializationException',
];
export const QUERY_COMMON_ERRORS: readonly string[] = [
  'AccessDenied',
  'ValidationError',
  'Throttling',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'InvalidAction',
  'ExpiredToken',
];

export function errorAllowed(model: ServiceModel, operation: string | undefined, errorType: string): boolean {
  if (COMMON_ERRORS.includes(errorType)) return true;
  if (model.metadata.protocol === 'query' && QUERY_COMMON_ERRORS.includes(errorType)) return true;
  if (operation === undefined || model.operations[operation] === undefined) return errorType === 'UnknownOperationException';
  return (model.operations[operation].errors ?? []).some((ref) => ref.shape === errorType || model.shapes[ref.shape]?.error?.code === errorType);
}

function regex(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return undefined; // a Java-only construct: skip the pattern check rather than guess
  }
}

/** Problems of `value` against `shapeName`, as "path: problem" strings (empty when valid). */
export function validateShape(model: ServiceModel, shapeName: string, value: unknown, path = '$'): string[] {
  const shape = model.shapes[shapeName];
  if (shape === undefined) return [`${path}: unknown shape ${shapeName}`];
  const issues: string[] = [];
  const bounds = (n: number, what: string): void => {
    if (shape.min !== undefined && n < shape.min) issues.push(`${path}: ${what} ${n} < min ${shape.min}`);
    if (shape.max !== undefined && n > shape.max) issues.push(`${path}: ${what} ${n} > max ${shape.max}`);
  };
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected structure ${shapeName}`];
      const record = value as Record<string, unknown>;
      for (const name of shape.required ?? []) if (record[name] === undefined) issues.push(`${path}.${name}: required`);
      for (const [name, member] of Object.entries(record)) {
        const ref = shape.members?.[name];
        if (ref === undefined) issues.push(`${path}.${name}: not a member of ${shapeName}`);
        else if (member !== undefined) issues.push(...validateShape(model, ref.shape, member, `${path}.${name}`));
      }
      return issues;
    }
    case 'list': {
      if (!Array.isArray(value)) return [`${path}: expected list`];
      bounds(value.length, 'length');
      value.forEach((item, i) => issues.push(...validateShape(model, shape.member?.shape ?? '', item, `${path}[${i}]`)));
      return issues;
    }
    case 'map': {
      if (typeof value !== 'object' || value === null) return [`${path}: expected map`];
      for (const [k, v] of Object.entries(value)) {
        issues.push(...validateShape(model, shape.key?.shape ?? '', k, `${path}{key}`), ...validateShape(model, shape.value?.shape ?? '', v, `${path}.${k}`));
      }
      return issues;
    }
    case 'string': {
      if (typeof value !== 'string') return [`${path}: expected string`];
      if (shape.enum !== undefined && !shape.enum.includes(value)) issues.push(`${path}: '${value}' not in enum ${shapeName}`);
      bounds(value.length, 'length');
      const re = shape.pattern === undefined ? undefined : regex(shape.pattern);
      if (re !== undefined && !re.test(value)) issues.push(`${path}: '${value}' does not match ${shape.pattern ?? ''}`);
      return issues;
    }
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value)) return [`${path}: expected ${shape.type}`];
      bounds(value, 'value');
      return issues;
    case 'float':
    case 'double':
      return typeof value === 'number' ? [] : [`${path}: expected number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path}: expected boolean`];
    case 'timestamp':
      // JSON protocols send epoch seconds; the query protocol sends ISO 8601.
      if (model.metadata.protocol === 'query')
        return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? [] : [`${path}: expected ISO 8601 timestamp`];
      return typeof value === 'number' ? [] : [`${path}: expected epoch seconds`];
    case 'blob':
      return typeof value === 'string' ? [] : [`${path}: expected base64 blob`];
    default:
      return [`${path}: unsupported shape type ${shape.type}`];
  }
}

/** Validates one operation's output. */
export function validateOutput(model: ServiceModel, operation: string, output: unknown): string[] {
  const op = model.operations[operation];
  if (op === undefined) return [`unknown operation ${operation}`];
  if (op.output === undefined)
    return output === undefined || (typeof output === 'object' && output !== null && Object.keys(output).length === 0) ? [] : ['operation has no output'];
  return validateShape(model, op.output.shape, output ?? {});
}

// ---- requests: what AWS's JSON protocols answer to an input the model refuses ----

/** A request AWS refuses before the operation runs: SerializationException or ValidationException. */
export interface InputRefusal {
  readonly type: 'SerializationException' | 'ValidationException';
  readonly message: string;
}

/** Thrown inside the walk when a JSON value has the wrong type: AWS stops at the first one. */
class WrongType extends Error {}

const JAVA_TYPES: Readonly<Record<string, string>> = {
  string: 'a String',
  integer: 'an Integer',
  long: 'a Long',
  float: 'a Float',
  double: 'a Double',
  boolean: 'a Boolean',
  timestamp: 'a Date',
  blob: 'a ByteBuffer',
  list: 'a List',
  map: 'a Map',
  structure: 'a Structure',
};

function jsonToken(value: unknown): string {
  if (Array.isArray(value)) return 'START_ARRAY';
  if (typeof value === 'object' && value !== null) return 'START_OBJECT';
  if (typeof value === 'string') return 'STRING_VALUE';
  if (typeof value === 'boolean') return value ? 'TRUE_VALUE' : 'FALSE_VALUE';
  return Number.isInteger(value) ? 'NUMBER_INT_VALUE' : 'NUMBER_FLOAT_VALUE';
}

function wrongType(value: unknown, type: string): WrongType {
  if (Array.isArray(value)) return new WrongType('Start of list found where not expected');
  if (typeof value === 'object' && value !== null) return new WrongType('Start of structure or map found where not expected.');
  return new WrongType(`${jsonToken(value)} can not be converted to ${JAVA_TYPES[type] ?? type}`);
}

/** How AWS (Java) prints a refused value: strings bare, lists as [a, b], null without quotes. */
function shown(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join(', ')}]`;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

const lowerFirst = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

const isRecord = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): boolean => typeof v === 'string';
const isInteger = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v);
const isNumber = (v: unknown): boolean => typeof v === 'number';

/** The JSON value each model type accepts (JSON protocols send timestamps as epoch seconds). */
const JSON_TYPES: Readonly<Record<string, (value: unknown) => boolean>> = {
  structure: isRecord,
  map: isRecord,
  list: Array.isArray,
  string: isString,
  blob: isString,
  integer: isInteger,
  long: isInteger,
  float: isNumber,
  double: isNumber,
  timestamp: isNumber,
  boolean: (v) => typeof v === 'boolean',
};

function checkType(value: unknown, type: string): void {
  if (JSON_TYPES[type]?.(value) !== true) throw wrongType(value, type);
}

function constraintViolations(shape: Shape, value: unknown, path: string): string[] {
  const violation = (constraint: string): string => `Value '${shown(value)}' at '${path}' failed to satisfy constraint: Member must ${constraint}`;
  const out: string[] = [];
  const size = typeof value === 'string' || Array.isArray(value) ? value.length : undefined;
  if (size !== undefined) {
    if (shape.min !== undefined && size < shape.min) out.push(violation(`have length greater than or equal to ${shape.min}`));
    if (shape.max !== undefined && size > shape.max) out.push(violation(`have length less than or equal to ${shape.max}`));
  } else if (typeof value === 'number') {
    if (shape.min !== undefined && value < shape.min) out.push(violation(`have value greater than or equal to ${shape.min}`));
    if (shape.max !== undefined && value > shape.max) out.push(violation(`have value less than or equal to ${shape.max}`));
  }
  if (typeof value === 'string') {
    if (shape.enum !== undefined && !shape.enum.includes(value)) out.push(violation(`satisfy enum value set: [${shape.enum.join(', ')}]`));
    const re = shape.pattern === undefined ? undefined : regex(shape.pattern);
    if (re !== undefined && !re.test(value)) out.push(violation(`satisfy regular expression pattern: ${shape.pattern ?? ''}`));
  }
  return out;
}

/** Walks an input value: types first (throws WrongType), then every constraint (collected). */
function inputViolations(model: ServiceModel, shapeName: string, value: unknown, path: string): string[] {
  const shape = model.shapes[shapeName];
  if (shape === undefined) throw new Error(`the model has no shape ${shapeName}`);
  checkType(value, shape.type);
  const out = constraintViolations(shape, value, path);
  const at = (name: string): string => (path === '' ? name : `${path}.${name}`);
  if (shape.type === 'structure') {
    const record = value as Record<string, unknown>;
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      const member = record[name];
      // JSON null is "absent"; members the model doesn't know are ignored, as AWS does.
      if (member === undefined || member === null) {
        if (shape.required?.includes(name) === true) out.push(`Value null at '${at(lowerFirst(name))}' failed to satisfy constraint: Member must not be null`);
      } else {
        out.push(...inputViolations(model, ref.shape, member, at(lowerFirst(name))));
      }
    }
  } else if (shape.type === 'list') {
    (value as unknown[]).forEach((item, i) => {
      const itemPath = at(`${i + 1}.member`);
      if (item === null) out.push(`Value null at '${itemPath}' failed to satisfy constraint: Member must not be null`);
      else out.push(...inputViolations(model, shape.member?.shape ?? '', item, itemPath));
    });
  } else if (shape.type === 'map') {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      out.push(...inputViolations(model, shape.key?.shape ?? '', key, at(key)));
      if (item !== null) out.push(...inputViolations(model, shape.value?.shape ?? '', item, at(key)));
    }
  }
  return out;
}

/**
 * Checks a JSON request body against the operation's input shape, as AWS's JSON 1.1 protocol
 * does before the operation runs: unparsable JSON or a value of the wrong JSON type is a
 * SerializationException; missing required members and enum, pattern, length and range
 * violations are one ValidationException that lists each ("2 validation errors detected: …").
 * Returns undefined when the request is acceptable.
 */
export function refuseInput(model: ServiceModel, operation: string, body: string): InputRefusal | undefined {
  const inputShape = model.operations[operation]?.input?.shape;
  let parsed: unknown = {};
  if (body.trim() !== '') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return { type: 'SerializationException', message: 'Request body is not valid JSON' };
    }
  }
  if (inputShape === undefined) return undefined;
  let violations: string[];
  try {
    violations = inputViolations(model, inputShape, parsed ?? {}, '');
  } catch (error) {
    if (error instanceof WrongType) return { type: 'SerializationException', message: error.message };
    throw error;
  }
  if (violations.length === 0) return undefined;
  const count = violations.length === 1 ? '1 validation error detected' : `${violations.length} validation errors detected`;
  return { type: 'ValidationException', message: `${count}: ${violations.join('; ')}` };
}
