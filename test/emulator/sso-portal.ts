import { randomUUID } from 'node:crypto';
import type { CredentialRegistry } from './credentials';
import type { Faults } from './faults';
import type { Reply, ResponseTap, ServiceDefinition, ServiceRequest } from './http-server';
import { attributeTags, type IdcToken, type IdentityCenterState } from './identity-center-state';

const OPERATIONS: Readonly<Record<string, string>> = {
  'GET /federation/credentials': 'GetRoleCredentials',
  'GET /assignment/accounts': 'ListAccounts',
  'GET /assignment/roles': 'ListAccountRoles',
  'POST /logout': 'Logout',
};

const withTags = (principalTags: Readonly<Record<string, string>> | undefined): { principalTags?: Readonly<Record<string, string>> } =>
  principalTags === undefined ? {} : { principalTags };

function portalError(type: string, message: string, status: number, operation?: string): Reply {
  return {
    status,
    operation,
    errorType: type,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': type, 'x-amzn-requestid': randomUUID() },
    body: JSON.stringify({ message }),
  };
}

function ok(operation: string, output: Record<string, unknown>): Reply {
  return {
    status: 200,
    operation,
    output,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() },
    body: JSON.stringify(output),
  };
}

export interface SsoPortalDeps {
  readonly state: IdentityCenterState;
  readonly registry: CredentialRegistry;
  readonly faults: Faults;
  readonly tap?: ResponseTap;
}

function pageOf<T>(items: readonly T[], request: ServiceRequest, operation: string): { items: T[]; next?: string } | Reply {
  const maxParam = request.url.searchParams.get('max_result');
  const max = maxParam === null ? 20 : Number(maxParam);
  if (!Number.isInteger(max) || max < 1 || max > 100) return portalError('InvalidRequestException', 'max_result must be between 1 and 100', 400, operation);
  const token = request.url.searchParams.get('next_token');
  const offset = token === null ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) return portalError('InvalidRequestException', 'Invalid next_token', 400, operation);
  const slice = items.slice(offset, offset + max);
  return offset + max < items.length ? { items: slice, next: Buffer.from(String(offset + max)).toString('base64url') } : { items: slice };
}

export function ssoPortalService(deps: SsoPortalDeps): ServiceDefinition {
  const opOf = (request: ServiceRequest): string | undefined => OPERATIONS[`${request.req.method ?? ''} ${request.url.pathname}`];
  const session = (request: ServiceRequest, operation: string): IdcToken | Reply => {
    const header = request.req.headers['x-amz-sso_bearer_token'];
    const token = typeof header === 'string' ? deps.state.accessTokens.get(header) : undefined;
    if (token === undefined) return portalError('UnauthorizedException', 'Session token not found or invalid', 401, operation);
    if (token.expiresAt <= deps.state.clock.now()) return portalError('UnauthorizedException', 'Session token expired', 401, operation);
    return token;
  };
  return {
    service: 'sso',
    faults: deps.faults,
    tap: deps.tap,
    operationOf: opOf,
    faultReply(outcome, operation) {
      if (outcome === 'throttle') return portalError('TooManyRequestsException', 'Rate exceeded', 429, operation);
      if (outcome === 'error503') return portalError('ServiceUnavailable', 'Service unavailable', 503, operation);
      return portalError('InternalFailure', 'Internal error', 500, operation);
    },
    handle(request) {
      const operation = opOf(request);
      if (operation === undefined) return Promise.resolve(portalError('UnknownOperationException', 'Unknown operation', 404));
      const token = session(request, operation);
      if ('status' in token) return Promise.resolve(token);
      if (operation === 'Logout') {
        const header = request.req.headers['x-amz-sso_bearer_token'];
        if (typeof header === 'string') deps.state.accessTokens.delete(header);
        return Promise.resolve({ status: 200, operation, output: {}, headers: { 'x-amzn-requestid': randomUUID() } });
      }
      const assignments = deps.state.assignments;
      const accountId = request.url.searchParams.get('account_id');
      if (operation === 'ListAccounts') {
        const accounts = [...new Map(assignments.map((a) => [a.accountId, a])).values()];
        const paged = pageOf(accounts, request, operation);
        if ('status' in paged) return Promise.resolve(paged);
        return Promise.resolve(
          ok(operation, {
            accountList: paged.items.map((a) => ({ accountId: a.accountId, accountName: a.accountName, emailAddress: a.emailAddress })),
            ...(paged.next === undefined ? {} : { nextToken: paged.next }),
          }),
        );
      }
      if (accountId === null) return Promise.resolve(portalError('InvalidRequestException', 'account_id is required', 400, operation));
      if (operation === 'ListAccountRoles') {
        const roles = assignments.filter((a) => a.accountId === accountId);
        if (roles.length === 0) return Promise.resolve(portalError('ResourceNotFoundException', 'No access', 404, operation));
        const paged = pageOf(roles, request, operation);
        if ('status' in paged) return Promise.resolve(paged);
        return Promise.resolve(
          ok(operation, {
            roleList: paged.items.map((a) => ({ roleName: a.roleName, accountId: a.accountId })),
            ...(paged.next === undefined ? {} : { nextToken: paged.next }),
          }),
        );
      }
      const roleName = request.url.searchParams.get('role_name');
      if (roleName === null) return Promise.resolve(portalError('InvalidRequestException', 'role_name is required', 400, operation));
      const assignment = assignments.find((a) => a.accountId === accountId && a.roleName === roleName);
      if (assignment === undefined) return Promise.resolve(portalError('ResourceNotFoundException', 'No access', 404, operation));
      const key = deps.registry.issueTemporary(
        {
          arn: `arn:aws:sts::${accountId}:assumed-role/AWSReservedSSO_${roleName}_0123456789abcdef/${token.userName}`,
          account: accountId,
          userId: `AROAEMULATORSSO${roleName.length}:${token.userName}`,
          ...withTags(attributeTags(assignment.attributes, token.userName)),
          endUser: true,
        },
        Math.min(token.expiresAt, deps.state.clock.now() + 3600_000),
      );
      return Promise.resolve(
        ok(operation, {
          roleCredentials: {
            accessKeyId: key.accessKeyId,
            secretAccessKey: key.secretAccessKey,
            sessionToken: key.sessionToken,
            // The portal API sends epoch milliseconds.
            expiration: key.expiresAt,
          },
        }),
      );
    },
  };
}
