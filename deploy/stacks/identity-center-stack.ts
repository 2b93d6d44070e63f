import { CfnCondition, CfnOutput, CfnParameter, Fn, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { CfnAssignment, CfnInstanceAccessControlAttributeConfiguration, CfnPermissionSet } from 'aws-cdk-lib/aws-sso';
import type { Construct } from 'constructs';
import { ownerTagKeyParameter, SESSION_HOURS } from './parameters';
import { permissionPolicyJson } from './policy';

/**
 * Deskbridge with IAM Identity Center: a permission set with the kit's policy, and the attribute
 * for access control that turns each user's user name into the owner principal tag. Deploy it
 * where Identity Center is administered (management or delegated administrator account).
 */
export class DeskbridgeIdentityCenterStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.templateOptions.description =
      'Deskbridge IT kit: IAM Identity Center permission set and attributes for access control (ABAC by owner tag). See docs/admin-guide.md.';

    const instanceArn = new CfnParameter(this, 'IdentityCenterInstanceArn', {
      type: 'String',
      allowedPattern: '^arn:aws[\\w-]*:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}$',
      description: 'The ARN of your IAM Identity Center instance (Identity Center console → Settings), arn:aws:sso:::instance/ssoins-…',
    });
    const workspacesAccountId = new CfnParameter(this, 'WorkSpacesAccountId', {
      type: 'String',
      allowedPattern: '^\\d{12}$',
      description: 'The AWS account that holds the WorkSpaces.',
    });
    const workspacesRegion = new CfnParameter(this, 'WorkSpacesRegion', {
      type: 'String',
      allowedPattern: '^[a-z]{2}(-[a-z]+)+-\\d$',
      description: 'The Region of the WorkSpaces, e.g. eu-central-1.',
    });
    const name = new CfnParameter(this, 'PermissionSetName', {
      type: 'String',
      default: 'Deskbridge',
      allowedPattern: '^[\\w+=,.@-]{1,32}$',
      description: 'The permission set’s name; users pick it as the role in Deskbridge (signIn.roleName).',
    });
    const ownerTagKey = ownerTagKeyParameter(this);
    const sessionHours = new CfnParameter(this, 'MaxSessionHours', {
      type: 'String',
      default: '8',
      allowedValues: SESSION_HOURS,
      description: 'The permission set’s session duration, in hours (1–12).',
    });
    const configureAttributes = new CfnParameter(this, 'ConfigureAttributesForAccessControl', {
      type: 'String',
      default: 'yes',
      allowedValues: ['yes', 'no'],
      description:
        'An instance has one attributes-for-access-control configuration: "no" if yours exists already (then add OwnerTagKey = ${path:userName} to it yourself).',
    });
    const groupId = new CfnParameter(this, 'AssignToGroupId', {
      type: 'String',
      default: '',
      description: 'Optional: the Identity Center group (its id) whose members get the permission set in WorkSpacesAccountId. Empty: assign it yourself.',
    });

    const permissionSet = new CfnPermissionSet(this, 'PermissionSet', {
      instanceArn: instanceArn.valueAsString,
      name: name.valueAsString,
      description: 'Deskbridge: list WorkSpaces; self-service only where the owner tag equals the user.',
      sessionDuration: Fn.join('', ['PT', sessionHours.valueAsString, 'H']),
      inlinePolicy: permissionPolicyJson(this, ownerTagKey.valueAsString, {
        region: workspacesRegion.valueAsString,
        account: workspacesAccountId.valueAsString,
      }),
    });

    const configuring = new CfnCondition(this, 'ConfiguringAttributes', { expression: Fn.conditionEquals(configureAttributes.valueAsString, 'yes') });
    const attributes = new CfnInstanceAccessControlAttributeConfiguration(this, 'AttributesForAccessControl', {
      instanceArn: instanceArn.valueAsString,
      accessControlAttributes: [{ key: ownerTagKey.valueAsString, value: { source: ['${path:userName}'] } }],
    });
    attributes.cfnOptions.condition = configuring;

    const assigning = new CfnCondition(this, 'AssigningGroup', { expression: Fn.conditionNot(Fn.conditionEquals(groupId.valueAsString, '')) });
    const assignment = new CfnAssignment(this, 'GroupAssignment', {
      instanceArn: instanceArn.valueAsString,
      permissionSetArn: permissionSet.attrPermissionSetArn,
      principalType: 'GROUP',
      principalId: groupId.valueAsString,
      targetType: 'AWS_ACCOUNT',
      targetId: workspacesAccountId.valueAsString,
    });
    assignment.cfnOptions.condition = assigning;

    new CfnOutput(this, 'PermissionSetArn', { value: permissionSet.attrPermissionSetArn });
    Validations.of(this).acknowledge({
      id: 'CloudFormation-Validate::W1030',
      reason: 'The empty group id default means no assignment: GroupAssignment exists only when AssignToGroupId is given.',
    });
  }
}
