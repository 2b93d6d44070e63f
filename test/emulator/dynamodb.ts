import { randomUUID } from 'node:crypto';
import type { Clock } from './clock';
import type { CredentialRegistry } from './credentials';
import type { Faults } from './faults';
import type { Reply, ResponseTap, ServiceDefinition, ServiceRequest } from './http-server';
import { authorize, type IamStore } from './iam';
import { refuseInput, type ServiceModel } from './model-validator';
import { verifySigV4 } from './sigv4';

/**
 * A small DynamoDB (JSON 1.0): GetItem and PutItem on tables with a string hash key — what the
 * broker's shared sweep cache uses. SigV4 and IAM as for WorkSpaces; requests checked against the
 * vendored model's input shapes. Expired items (the TTL attribute) stay readable until removed,
 * as in DynamoDB, where deletion after expiry can take days.
 */
export interface DynamoTableSpec {
  readonly name: string;
  readonly hashKey: string;
}

type AttributeValue = Readonly<Record<string, unknown>>;
type Item = Readonly<Record<string, AttributeValue>>;

const CONTENT_TYPE = 'application/x-amz-json-1.0';
const TARGET_PREFIX = 'DynamoDB_20120810.';
const ERROR_NAMESPACE = 'com.amazonaws.dynamodb.v20120810#';
/** DynamoDB's item size limit (attribute names and values, UTF-8). */
export const MAX_ITEM_BYTES = 400 * 1024;

function jsonError(type: string, message: string, status: number, operation?: string): Reply {
  return {
    status,
    operation,
    errorType: type,
    headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': randomUUID() },
    body: JSON.stringify({ __type: `${ERROR_NAMESPACE}${type}`, message }),
  };
}

function targetOf(request: ServiceRequest): string | undefined {
  const target = request.req.headers['x-amz-target'];
  return typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
}

function itemBytes(item: Item): number {
  return Object.entries(item).reduce(
    (sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength(JSON.stringify(Object.values(value)[0] ?? '')),
    0,
  );
}

export interface DynamoServiceDeps {
  readonly registry: CredentialRegistry;
  readonly faults: Faults;
  readonly clock: Clock;
  readonly tap?: ResponseTap;
  readonly model: ServiceModel;
  readonly region: string;
  readonly account: string;
  readonly iam: IamStore;
  readonly tables: readonly DynamoTableSpec[];
}

export function dynamodbService(deps: DynamoServiceDeps): ServiceDefinition {
  const tables = new Map(deps.tables.map((t) => [t.name, { spec: t, items: new Map<string, Item>() }]));
  const keyOf = (spec: DynamoTableSpec, key: Item): string | undefined => {
    const names = Object.keys(key);
    const value = key[spec.hashKey]?.['S'];
    return names.length === 1 && typeof value === 'string' ? value : undefined;
  };
  return {
    service: 'dynamodb',
    faults: deps.faults,
    tap: deps.tap,
    operationOf: targetOf,
    faultReply(outcome, operation) {
      if (outcome === 'throttle') return jsonError('ThrottlingException', 'Rate of requests exceeds the allowed throughput.', 400, operation);
      if (outcome === 'error503') return jsonError('ServiceUnavailable', 'Service unavailable.', 503, operation);
      return jsonError('InternalServerError', 'Internal server error', 500, operation);
    },
    async handle(request) {
      const target = targetOf(request);
      if (request.req.method !== 'POST' || request.url.pathname !== '/') return jsonError('UnknownOperationException', 'Only POST / is served.', 404);
      const auth = verifySigV4({
        req: request.req,
        body: request.body,
        registry: deps.registry,
        scope: { region: deps.region, service: 'dynamodb' },
        serviceNow: request.serviceNow,
        clockNow: deps.clock.now(),
      });
      if (!auth.ok) return jsonError(auth.failure.code, auth.failure.message, auth.failure.status, target);
      if (target !== 'GetItem' && target !== 'PutItem')
        return jsonError(
          'UnknownOperationException',
          `The operation ${String(request.req.headers['x-amz-target'])} is not served by the local cloud.`,
          400,
          target,
        );
      const refusal = refuseInput(deps.model, target, request.body.toString('utf8'));
      if (refusal !== undefined) return jsonError(refusal.type, refusal.message, 400, target);
      const input = JSON.parse(request.body.toString('utf8')) as { TableName: string; Key?: Item; Item?: Item };
      const arn = `arn:aws:dynamodb:${deps.region}:${deps.account}:table/${input.TableName}`;
      const decision = await authorize({
        principal: auth.key.principal,
        policies: deps.iam.policiesOf(auth.key.principal),
        action: `dynamodb:${target}`,
        resource: arn,
      });
      if (!decision.allowed) return jsonError('AccessDeniedException', decision.message, 400, target);
      const table = tables.get(input.TableName);
      if (table === undefined) return jsonError('ResourceNotFoundException', 'Requested resource not found', 400, target);
      const ok = (output: Record<string, unknown>): Reply => ({
        status: 200,
        operation: target,
        output,
        headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': randomUUID() },
        body: JSON.stringify(output),
      });
      if (target === 'GetItem') {
        const key = keyOf(table.spec, input.Key ?? {});
        if (key === undefined) return jsonError('ValidationException', 'The provided key element does not match the schema', 400, target);
        const item = table.items.get(key);
        return ok(item === undefined ? {} : { Item: item });
      }
      const item = input.Item ?? {};
      const key = typeof item[table.spec.hashKey]?.['S'] === 'string' ? (item[table.spec.hashKey]?.['S'] as string) : undefined;
      if (key === undefined)
        return jsonError('ValidationException', `One or more parameter values were invalid: Missing the key ${table.spec.hashKey} in the item`, 400, target);
      if (itemBytes(item) > MAX_ITEM_BYTES) return jsonError('ValidationException', 'Item size has exceeded the maximum allowed size', 400, target);
      table.items.set(key, item);
      return ok({});
    },
  };
}
