import { CfnCondition, CfnMapping, CfnOutput, CfnParameter, Fn, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { CfnOIDCProvider, CfnRole } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { maxSessionHoursParameter, ownerTagKeyParameter, SESSION_HOURS } from './parameters';
import { permissionPolicyJson } from './policy';

/**
 * Deskbridge with an OIDC identity provider (Okta, Entra ID, Keycloak, Google…): the IAM OIDC
 * provider, and the role users assume with their ID token. The trust policy allows
 * sts:AssumeRoleWithWebIdentity and sts:TagSession only for that issuer and client id, and the
 * IdP may set only the owner tag as a session tag.
 */
export class DeskbridgeOidcStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.templateOptions.description = 'Deskbridge IT kit: IAM OIDC identity provider and the Deskbridge role (ABAC by owner tag). See docs/admin-guide.md.';

    const issuerUrl = new CfnParameter(this, 'IssuerUrl', {
      type: 'String',
      allowedPattern: '^https://[^\\s?#]+[^/\\s?#]$',
      constraintDescription: 'The issuer URL exactly as your identity provider’s discovery document states it: https://…, no trailing slash.',
      description: 'Your identity provider’s issuer URL (the "issuer" of its /.well-known/openid-configuration), e.g. https://example.okta.com/oauth2/default',
    });
    const clientId = new CfnParameter(this, 'ClientId', {
      type: 'String',
      minLength: 1,
      maxLength: 255,
      description: 'The client id (application id) of the Deskbridge app registration at your identity provider; the ID token’s audience.',
    });
    const createProvider = new CfnParameter(this, 'CreateOidcProvider', {
      type: 'String',
      default: 'yes',
      allowedValues: ['yes', 'no'],
      description: 'An account holds one IAM OIDC provider per issuer URL: "no" if yours already exists (its client id list must then contain ClientId).',
    });
    const roleName = new CfnParameter(this, 'RoleName', {
      type: 'String',
      default: 'Deskbridge',
      allowedPattern: '^[\\w+=,.@-]{1,64}$',
      description: 'Name of the role Deskbridge users assume.',
    });
    const ownerTagKey = ownerTagKeyParameter(this);
    const maxSessionHours = maxSessionHoursParameter(this);

    const hours = new CfnMapping(this, 'SessionSeconds', {
      mapping: Object.fromEntries(SESSION_HOURS.map((h) => [h, { Seconds: Number(h) * 3600 }])),
    });
    const creating = new CfnCondition(this, 'CreatingOidcProvider', { expression: Fn.conditionEquals(createProvider.valueAsString, 'yes') });
    // The issuer without https://, as IAM names the provider and its condition keys.
    const issuerHost = Fn.select(1, Fn.split('https://', issuerUrl.valueAsString));

    const provider = new CfnOIDCProvider(this, 'OidcProvider', { url: issuerUrl.valueAsString, clientIdList: [clientId.valueAsString] });
    provider.cfnOptions.condition = creating;
    const providerArn = Fn.conditionIf(
      creating.logicalId,
      provider.attrArn,
      `arn:${this.partition}:iam::${this.account}:oidc-provider/${issuerHost}`,
    ).toString();

    const trust = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DeskbridgeUsersOfThisIssuerAndClient',
          Effect: 'Allow',
          Principal: { Federated: providerArn },
          Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
          Condition: {
            StringEquals: { [`${issuerHost}:aud`]: clientId.valueAsString },
            // The identity provider may set the owner tag only: no other session tag reaches IAM.
            'ForAllValues:StringEquals': { 'aws:TagKeys': [ownerTagKey.valueAsString] },
          },
        },
      ],
    };
    const role = new CfnRole(this, 'DeskbridgeRole', {
      roleName: roleName.valueAsString,
      description: 'Assumed by Deskbridge users with their ID token; self-service only on WorkSpaces whose owner tag equals their principal tag.',
      assumeRolePolicyDocument: this.toJsonString(trust),
      maxSessionDuration: Fn.findInMap(hours.logicalId, maxSessionHours.valueAsString, 'Seconds') as unknown as number,
      policies: [{ policyName: 'DeskbridgeSelfService', policyDocument: permissionPolicyJson(this, ownerTagKey.valueAsString) }],
    });

    new CfnOutput(this, 'RoleArn', { value: role.attrArn, description: 'The role ARN for Deskbridge’s organization settings (signIn.roleArn).' });
    new CfnOutput(this, 'OidcProviderArn', { value: providerArn });
    Validations.of(this).acknowledge({
      id: 'CloudFormation-Validate::W1001',
      reason: 'The provider is referenced only inside Fn::If on the condition that creates it.',
    });
  }
}
