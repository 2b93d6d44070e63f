import { CfnCondition, CfnMapping, CfnOutput, CfnParameter, Fn, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { CfnRole, CfnSAMLProvider } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { maxSessionHoursParameter, ownerTagKeyParameter, SESSION_HOURS } from './parameters';
import { permissionPolicyJson } from './policy';

/** The SAML sign-in audience of AWS: the only one the role trusts. */
export const SAML_AUDIENCE = 'https://signin.aws.amazon.com/saml';

/**
 * Deskbridge with a SAML 2.0 identity provider: the same role and policy as the OIDC stack,
 * trusting sts:AssumeRoleWithSAML and sts:TagSession from that provider for AWS's SAML audience.
 */
export class DeskbridgeSamlStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.templateOptions.description = 'Deskbridge IT kit: the Deskbridge role for a SAML identity provider (ABAC by owner tag). See docs/admin-guide.md.';

    const providerArnParam = new CfnParameter(this, 'SamlProviderArn', {
      type: 'String',
      default: '',
      description: 'The ARN of your existing IAM SAML provider (arn:aws:iam::…:saml-provider/…). Empty: give SamlMetadataDocument and the stack creates one.',
    });
    const metadata = new CfnParameter(this, 'SamlMetadataDocument', {
      type: 'String',
      default: '',
      description: 'Your identity provider’s SAML metadata XML, when the stack should create the IAM SAML provider.',
    });
    const providerName = new CfnParameter(this, 'SamlProviderName', {
      type: 'String',
      default: 'Deskbridge',
      allowedPattern: '^[\\w._-]{1,128}$',
      description: 'Name of the IAM SAML provider the stack creates.',
    });
    const roleName = new CfnParameter(this, 'RoleName', {
      type: 'String',
      default: 'DeskbridgeSaml',
      allowedPattern: '^[\\w+=,.@-]{1,64}$',
      description: 'Name of the role Deskbridge users assume.',
    });
    const ownerTagKey = ownerTagKeyParameter(this);
    const maxSessionHours = maxSessionHoursParameter(this);

    const hours = new CfnMapping(this, 'SessionSeconds', {
      mapping: Object.fromEntries(SESSION_HOURS.map((h) => [h, { Seconds: Number(h) * 3600 }])),
    });
    const creating = new CfnCondition(this, 'CreatingSamlProvider', { expression: Fn.conditionEquals(providerArnParam.valueAsString, '') });
    const provider = new CfnSAMLProvider(this, 'SamlProvider', { name: providerName.valueAsString, samlMetadataDocument: metadata.valueAsString });
    provider.cfnOptions.condition = creating;
    const providerArn = Fn.conditionIf(creating.logicalId, provider.attrArn, providerArnParam.valueAsString).toString();

    const trust = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DeskbridgeUsersOfThisSamlProvider',
          Effect: 'Allow',
          Principal: { Federated: providerArn },
          Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
          Condition: {
            StringEquals: { 'SAML:aud': SAML_AUDIENCE },
            'ForAllValues:StringEquals': { 'aws:TagKeys': [ownerTagKey.valueAsString] },
          },
        },
      ],
    };
    const role = new CfnRole(this, 'DeskbridgeRole', {
      roleName: roleName.valueAsString,
      description: 'Assumed by Deskbridge users with a SAML assertion; self-service only on WorkSpaces whose owner tag equals their principal tag.',
      assumeRolePolicyDocument: this.toJsonString(trust),
      maxSessionDuration: Fn.findInMap(hours.logicalId, maxSessionHours.valueAsString, 'Seconds') as unknown as number,
      policies: [{ policyName: 'DeskbridgeSelfService', policyDocument: permissionPolicyJson(this, ownerTagKey.valueAsString) }],
    });

    new CfnOutput(this, 'RoleArn', { value: role.attrArn });
    new CfnOutput(this, 'SamlProviderArnOut', { value: providerArn });
    Validations.of(this).acknowledge(
      { id: 'CloudFormation-Validate::W1001', reason: 'The provider is referenced only inside Fn::If on the condition that creates it.' },
      { id: 'CloudFormation-Validate::W1030', reason: 'The empty metadata default applies only when the provider is not created (SamlProviderArn given).' },
    );
  }
}
