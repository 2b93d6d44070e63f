import type { Principal } from '../credentials';
import { authorize, type IamStore } from '../iam';
import { accessDenied, type ApiError } from './errors';
import type { WorkspacesStore } from './store';

/** The request lists whose items name a WorkSpace, per operation (the resource IAM checks). */
const WORKSPACE_LISTS: Readonly<Record<string, string>> = {
  StartWorkspaces: 'StartWorkspaceRequests',
  StopWorkspaces: 'StopWorkspaceRequests',
  RebootWorkspaces: 'RebootWorkspaceRequests',
  RebuildWorkspaces: 'RebuildWorkspaceRequests',
};

function asRecord(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The WorkSpace ids a call acts on; undefined for calls IAM authorizes on * (no resource type). */
export function workspaceIdsOf(operation: string, body: Buffer): readonly string[] | undefined {
  let input: Readonly<Record<string, unknown>>;
  try {
    input = asRecord(body.length === 0 ? {} : JSON.parse(body.toString('utf8')));
  } catch {
    // Malformed bodies are refused by the operation's own validation, after authorization.
    input = {};
  }
  if (operation === 'ModifyWorkspaceProperties') return typeof input['WorkspaceId'] === 'string' ? [input['WorkspaceId']] : [];
  const list = WORKSPACE_LISTS[operation];
  if (list === undefined) return undefined;
  const items = Array.isArray(input[list]) ? (input[list] as unknown[]) : [];
  return items.map((item) => asRecord(item)['WorkspaceId']).filter((id): id is string => typeof id === 'string');
}

export interface AuthorizeCall {
  readonly iam: IamStore;
  readonly store: WorkspacesStore;
  readonly principal: Principal;
  readonly region: string;
  readonly operation: string;
  readonly body: Buffer;
}

/**
 * Checks a WorkSpaces call against the caller's IAM policies, once per WorkSpace it names (with
 * that WorkSpace's tags) or once on * — the first refusal refuses the whole call, as AWS does.
 */
export async function authorizeWorkspacesCall(call: AuthorizeCall): Promise<ApiError | undefined> {
  const { principal, store, region, operation } = call;
  const action = `workspaces:${operation}`;
  const policies = call.iam.policiesOf(principal);
  const ids = workspaceIdsOf(operation, call.body);
  const resources =
    ids === undefined
      ? [{ resource: '*', resourceTags: [] }]
      : ids.map((id) => ({ resource: `arn:aws:workspaces:${region}:${principal.account}:workspace/${id}`, resourceTags: store.get(id)?.tags ?? [] }));
  for (const target of resources) {
    const decision = await authorize({ principal, policies, action, ...target });
    if (!decision.allowed) return accessDenied(decision.message);
  }
  return undefined;
}
