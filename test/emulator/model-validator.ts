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
  readonly operations: Readonly<Record<string, { readonly output?: MemberRef; readonly errors?: readonly MemberRef[] }>>;
  readonly shapes: Readonly<Record<string, Shape>>;
}

export const MODEL_FILES = {
  workspaces: 'workspaces-service-2.json',
  sts: 'sts-service-2.json',
  sso: 'sso-service-2.json',
  ssoOidc: 'sso-oidc-service-2.json',
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
  'UnrecognizedClientException', 'InvalidSignatureException', 'IncompleteSignature', 'MissingAuthenticationToken',
  'ExpiredTokenException', 'ThrottlingException', 'AccessDeniedException', 'ValidationException', 'InternalFailure',
  'ServiceUnavailable',
];
export const QUERY_COMMON_ERRORS: readonly string[] = ['AccessDenied', 'ValidationError', 'Throttling', 'InvalidClientTokenId', 'SignatureDoesNotMatch', 'InvalidAction'];

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
      if (model.metadata.protocol === 'query') return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? [] : [`${path}: expected ISO 8601 timestamp`];
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
  if (op.output === undefined) return output === undefined || (typeof output === 'object' && output !== null && Object.keys(output).length === 0) ? [] : ['operation has no output'];
  return validateShape(model, op.output.shape, output ?? {});
}
