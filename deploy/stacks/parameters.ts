import { CfnParameter, type Stack } from 'aws-cdk-lib';
import { DEFAULT_OWNER_TAG_KEY } from '../../shared/iam/kit-policy';

export function ownerTagKeyParameter(stack: Stack): CfnParameter {
  return new CfnParameter(stack, 'OwnerTagKey', {
    type: 'String',
    default: DEFAULT_OWNER_TAG_KEY,
    // Characters both IAM session tags and WorkSpaces tags accept; no aws: prefix.
    allowedPattern: '^(?!aws:)[A-Za-z0-9_.:/=+@-]{1,127}$',
    description:
      'The WorkSpaces tag that names each desktop’s owner (its WorkSpaces user name). The same key must arrive as a session tag from your identity provider. Set the tags with: npm run admin -- tag-owners',
  });
}

/** Hours 1–12 → seconds, for IAM's MaxSessionDuration (CloudFormation cannot multiply). */
export const SESSION_HOURS = Array.from({ length: 12 }, (_, i) => String(i + 1));

export function maxSessionHoursParameter(stack: Stack): CfnParameter {
  return new CfnParameter(stack, 'MaxSessionHours', {
    type: 'String',
    default: '8',
    allowedValues: SESSION_HOURS,
    description:
      'The longest one set of AWS credentials may last, in hours (1–12; the role’s MaxSessionDuration). Deskbridge asks for one hour at a time and renews while the user stays signed in.',
  });
}
