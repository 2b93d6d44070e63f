import { runSimulation } from '@cloud-copilot/iam-simulate';
import type { PolicyDocument } from '@shared/iam/kit-policy';
import type { Principal } from './credentials';

/**
 * The account's identity policies, by the ARN of the role or user they are attached to. Policies
 * are looked up at request time, as IAM does: editing a role's policy changes what its live
 * sessions may do.
 */
export interface IamStore {
  policiesOf(principal: Principal): readonly PolicyDocument[];
  setPolicies(identityArn: string, policies: readonly PolicyDocument[]): void;
}

export const ADMINISTRATOR_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'AdministratorAccess', Effect: 'Allow', Action: '*', Resource: '*' }],
};

/** arn:aws:sts::acct:assumed-role/Name/session → arn:aws:iam::acct:role/Name; users stay as they are. */
export function identityArnOf(principalArn: string): string {
  const assumed = /^arn:([\w-]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(principalArn);
  return assumed === null ? principalArn : `arn:${assumed[1] ?? 'aws'}:iam::${assumed[2] ?? ''}:role/${assumed[3] ?? ''}`;
}

export function createIamStore(initial: Readonly<Record<string, readonly PolicyDocument[]>>): IamStore {
  const byIdentity = new Map(Object.entries(initial));
  return {
    policiesOf: (principal) => byIdentity.get(identityArnOf(principal.arn)) ?? [],
    setPolicies(identityArn, policies) {
      byIdentity.set(identityArn, policies);
    },
  };
}

export interface AuthorizationRequest {
  readonly principal: Principal;
  readonly policies: readonly PolicyDocument[];
  /** e.g. workspaces:RebootWorkspaces */
  readonly action: string;
  /** A resource ARN, or * for actions without resource types. */
  readonly resource: string;
  /** The resource's tags (aws:ResourceTag/…). */
  readonly resourceTags?: readonly { readonly Key: string; readonly Value?: string }[];
}

export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly message: string };

/** Decides a request with a real IAM policy evaluator; a refusal is worded as AWS words it. */
export async function authorize(request: AuthorizationRequest): Promise<Decision> {
  const { principal, action, resource } = request;
  const context: Record<string, string> = {
    'aws:PrincipalArn': identityArnOf(principal.arn),
    'aws:PrincipalAccount': principal.account,
  };
  for (const [key, value] of Object.entries(principal.principalTags ?? {})) context[`aws:PrincipalTag/${key}`] = value;
  for (const tag of request.resourceTags ?? []) context[`aws:ResourceTag/${tag.Key}`] = tag.Value ?? '';
  const result = await runSimulation(
    {
      identityPolicies: request.policies.map((policy, i) => ({ name: `policy-${i}`, policy: structuredClone(policy) as never })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      request: { action, principal: principal.arn, resource: { resource, accountId: principal.account }, contextVariables: context },
    },
    {},
  );
  if (result.resultType === 'error') throw new Error(`IAM evaluator refused the request for ${action} on ${resource}: ${JSON.stringify(result.errors)}`);
  if (result.overallResult === 'Allowed') return { allowed: true };
  const why =
    result.overallResult === 'ExplicitlyDenied'
      ? 'with an explicit deny in an identity-based policy'
      : `because no identity-based policy allows the ${action} action`;
  return { allowed: false, message: `User: ${principal.arn} is not authorized to perform: ${action} on resource: ${resource} ${why}` };
}
