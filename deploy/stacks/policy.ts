import { Aws, type Stack } from 'aws-cdk-lib';
import { kitPermissionPolicy } from '../../shared/iam/kit-policy';

/**
 * The kit's permission policy (shared/iam/kit-policy.ts, the same document the emulator enforces)
 * as a JSON string CloudFormation completes: the owner tag key is a parameter and appears in a
 * condition key, and CloudFormation allows references only in values, so the document is joined
 * as a string (IAM and Identity Center accept policy documents as strings).
 */
export function permissionPolicyJson(stack: Stack, ownerTagKey: string, where: { region?: string; account?: string } = {}): string {
  return stack.toJsonString(
    kitPermissionPolicy({ partition: Aws.PARTITION, region: where.region ?? Aws.REGION, account: where.account ?? Aws.ACCOUNT_ID, ownerTagKey }),
  );
}
