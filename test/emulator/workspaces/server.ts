import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import type { CredentialRegistry } from '../credentials';
import type { IamStore } from '../iam';
import type { Faults } from '../faults';
import type { Reply, ResponseTap, ServiceDefinition, ServiceRequest } from '../http-server';
import { refuseInput, type ServiceModel } from '../model-validator';
import { verifySigV4 } from '../sigv4';
import { authorizeWorkspacesCall } from './authorize';
import type { OpContext, Operation } from './context';
import { ApiError } from './errors';
import { asInput } from './input';
import { rebootWorkspaces, rebuildWorkspaces, startWorkspaces, stopWorkspaces } from './ops-actions';
import {
  describeClientProperties,
  describeTags,
  describeWorkspaceBundles,
  describeWorkspaceDirectories,
  describeWorkspaces,
  describeWorkspacesConnectionStatus,
} from './ops-describe';
import { modifyWorkspaceProperties } from './ops-modify';
import { createTags, deleteTags } from './ops-tags';
import type { WorkspacesStore } from './store';

export const WORKSPACES_OPERATIONS: Readonly<Record<string, Operation>> = {
  DescribeWorkspaceDirectories: describeWorkspaceDirectories,
  DescribeWorkspaces: describeWorkspaces,
  DescribeWorkspacesConnectionStatus: describeWorkspacesConnectionStatus,
  StartWorkspaces: startWorkspaces,
  StopWorkspaces: stopWorkspaces,
  RebootWorkspaces: rebootWorkspaces,
  RebuildWorkspaces: rebuildWorkspaces,
  ModifyWorkspaceProperties: modifyWorkspaceProperties,
  DescribeTags: describeTags,
  DescribeClientProperties: describeClientProperties,
  DescribeWorkspaceBundles: describeWorkspaceBundles,
  CreateTags: createTags,
  DeleteTags: deleteTags,
};

const CONTENT_TYPE = 'application/x-amz-json-1.1';
const TARGET_PREFIX = 'WorkspacesService.';

export function jsonError(type: string, message: string, status: number, operation?: string): Reply {
  return {
    status,
    operation,
    errorType: type,
    headers: { 'content-type': CONTENT_TYPE, 'x-amzn-errortype': type, 'x-amzn-requestid': randomUUID() },
    body: JSON.stringify({ __type: type, message }),
  };
}

function targetOf(request: ServiceRequest): string | undefined {
  const target = request.req.headers['x-amz-target'];
  return typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
}

export interface WorkspacesServiceDeps {
  readonly store: WorkspacesStore;
  readonly registry: CredentialRegistry;
  readonly faults: Faults;
  readonly clock: Clock;
  readonly tap?: ResponseTap;
  /** The WorkSpaces service model: every request is checked against its operation's input shape. */
  readonly model: ServiceModel;
  /** The region this endpoint serves: a credential scope naming another is refused. */
  readonly region: string;
  /** The account's IAM policies: every call is checked against the caller's. */
  readonly iam: IamStore;
}

export function workspacesService(deps: WorkspacesServiceDeps): ServiceDefinition {
  return {
    service: 'workspaces',
    faults: deps.faults,
    tap: deps.tap,
    operationOf: targetOf,
    faultReply(outcome, operation) {
      if (outcome === 'throttle') return jsonError('ThrottlingException', 'Rate exceeded', 400, operation);
      if (outcome === 'error503') return jsonError('ServiceUnavailable', 'Service is unavailable, please try again later.', 503, operation);
      return jsonError('InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500, operation);
    },
    async handle(request) {
      const target = targetOf(request);
      if (request.req.method !== 'POST' || request.url.pathname !== '/') {
        return jsonError('UnknownOperationException', 'Only POST / is served.', 404);
      }
      const auth = verifySigV4({
        req: request.req,
        body: request.body,
        registry: deps.registry,
        scope: { region: deps.region, service: 'workspaces' },
        serviceNow: request.serviceNow,
        clockNow: deps.clock.now(),
      });
      if (!auth.ok) return jsonError(auth.failure.code, auth.failure.message, auth.failure.status, target);
      const operation = target === undefined ? undefined : WORKSPACES_OPERATIONS[target];
      if (target === undefined || operation === undefined) {
        return jsonError('UnknownOperationException', `The operation ${String(request.req.headers['x-amz-target'])} is not known.`, 400, target);
      }
      const refusal = refuseInput(deps.model, target, request.body.toString('utf8'));
      if (refusal !== undefined) return jsonError(refusal.type, refusal.message, 400, target);
      const principal = auth.key.principal;
      const denied = await authorizeWorkspacesCall({ iam: deps.iam, store: deps.store, principal, region: deps.region, operation: target, body: request.body });
      if (denied !== undefined) return jsonError(denied.type, denied.message, denied.status, target);
      const ctx: OpContext = { store: deps.store, principal, now: deps.clock.now() };
      try {
        const output = operation(asInput(request.body), ctx);
        return {
          status: 200,
          operation: target,
          output,
          headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': randomUUID() },
          body: JSON.stringify(output),
        };
      } catch (error) {
        if (error instanceof ApiError) return jsonError(error.type, error.message, error.status, target);
        throw error;
      }
    },
  };
}
