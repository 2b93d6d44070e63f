/**
 * The IT kit's permission policy: the one document both the CDK stacks (deploy/) and the
 * emulator's demo organizations use, so what the tests prove is what IT deploys.
 */

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}

/** The tag key the kit uses when IT does not choose another. */
export const DEFAULT_OWNER_TAG_KEY = 'DeskbridgeOwner';

/** What Deskbridge reads. None of these has a resource type in the Service Authorization Reference. */
export const KIT_DESCRIBE_ACTIONS: readonly string[] = [
  'workspaces:DescribeWorkspaces',
  'workspaces:DescribeWorkspacesConnectionStatus',
  'workspaces:DescribeWorkspaceDirectories',
  'workspaces:DescribeTags',
];

/** The self-service actions Deskbridge offers; each accepts workspace/* ARNs with aws:ResourceTag conditions. */
export const KIT_SELF_SERVICE_ACTIONS: readonly string[] = [
  'workspaces:StartWorkspaces',
  'workspaces:StopWorkspaces',
  'workspaces:RebootWorkspaces',
  'workspaces:RebuildWorkspaces',
  'workspaces:ModifyWorkspaceProperties',
];

export interface KitPolicyParams {
  /** Partition, Region and account; CloudFormation references (tokens) in the CDK app. */
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  /** The WorkSpace tag that names its owner; the caller's principal tag of the same key must equal it. */
  readonly ownerTagKey: string;
}

export function kitPermissionPolicy(params: KitPolicyParams): PolicyDocument {
  const { partition, region, account, ownerTagKey } = params;
  return {
    Version: '2012-10-17',
    Statement: [
      {
        // Cannot be narrower: IAM defines no resource type and no condition key for these actions,
        // so any user of the role can list every WorkSpace of the account and Region. Deskbridge
        // filters by UserName only as a courtesy; docs/admin-guide.md says so to IT.
        Sid: 'ListWorkSpacesAccountWide',
        Effect: 'Allow',
        Action: KIT_DESCRIBE_ACTIONS,
        Resource: '*',
      },
      {
        // Only the caller's own desktops: the WorkSpace's owner tag must equal the caller's
        // principal (session) tag of the same key, which the identity provider sets at sign-in.
        Sid: 'SelfServiceOnOwnWorkSpaces',
        Effect: 'Allow',
        Action: KIT_SELF_SERVICE_ACTIONS,
        Resource: `arn:${partition}:workspaces:${region}:${account}:workspace/*`,
        Condition: { StringEquals: { [`aws:ResourceTag/${ownerTagKey}`]: `\${aws:PrincipalTag/${ownerTagKey}}` } },
      },
    ],
  };
}

/** What the broker (broker mode) reads: one sweep per directory, and the connect tag. */
export const BROKER_DESCRIBE_ACTIONS: readonly string[] = KIT_DESCRIBE_ACTIONS;

/** The self-service actions the broker runs for its callers (it never stops a desktop). */
export const BROKER_SELF_SERVICE_ACTIONS: readonly string[] = [
  'workspaces:StartWorkspaces',
  'workspaces:RebootWorkspaces',
  'workspaces:RebuildWorkspaces',
  'workspaces:ModifyWorkspaceProperties',
];

/** The sweep cache's two calls, on the kit's table only. */
export const BROKER_CACHE_ACTIONS: readonly string[] = ['dynamodb:GetItem', 'dynamodb:PutItem'];

export interface BrokerPolicyParams {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  /** The sweep cache table's ARN, when IT opted into the shared cache. */
  readonly cacheTableArn?: string;
}

/**
 * The broker's execution role (deploy/stacks/broker-stack.ts; the emulator's broker role). It acts
 * for every user, so it has no owner-tag condition: the broker itself checks that a desktop's
 * UserName is the caller's before it acts, and the directory's self-service permissions.
 */
export function brokerPermissionPolicy(params: BrokerPolicyParams): PolicyDocument {
  const { partition, region, account, cacheTableArn } = params;
  const statements: PolicyStatement[] = [
    {
      // No resource type or condition key exists for these (see ListWorkSpacesAccountWide).
      Sid: 'SweepDirectories',
      Effect: 'Allow',
      Action: BROKER_DESCRIBE_ACTIONS,
      Resource: '*',
    },
    {
      Sid: 'SelfServiceForCallers',
      Effect: 'Allow',
      Action: BROKER_SELF_SERVICE_ACTIONS,
      Resource: `arn:${partition}:workspaces:${region}:${account}:workspace/*`,
    },
  ];
  if (cacheTableArn !== undefined) statements.push({ Sid: 'SharedSweepCache', Effect: 'Allow', Action: BROKER_CACHE_ACTIONS, Resource: cacheTableArn });
  return { Version: '2012-10-17', Statement: statements };
}
