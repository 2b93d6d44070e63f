import { z } from 'zod';
import { checkOrgDefault } from './connect-target';
import { serviceUrlProblem } from './external-url';
import { isRegionName } from './regions';
import { parseRegistrationCode } from './registration-code';

/**
 * Characters that can disguise a name in a dialog: C0/C1 controls, the soft hyphen, invisible and
 * zero-width characters (U+200B–U+200D, U+2060–U+2064, U+FEFF, U+180E), the bidi marks and controls
 * (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069, U+206A–U+206F) and line separators.
 */
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
export const DISGUISING_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;

/** The one rule for service addresses (shared/lib/external-url.ts), as a yes/no. */
export function isAllowedServiceUrl(value: string): boolean {
  return serviceUrlProblem(value) === null;
}

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'Required.')
    .max(max, `At most ${max} characters.`)
    .refine((v) => !DISGUISING_CHARACTERS.test(v), 'Control, invisible and text-direction characters are not allowed.');

export const serviceUrlSchema = z
  .string()
  .max(512, 'At most 512 characters.')
  .superRefine((value, ctx) => {
    const problem = serviceUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
export const regionSchema = z.string().refine(isRegionName, 'Not an AWS Region name (for example us-east-1).');
export const roleArnSchema = z
  .string()
  .max(2048)
  .regex(/^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, 'Not an IAM role ARN (arn:aws:iam::123456789012:role/Name).');
export const accountIdSchema = z.string().regex(/^\d{12}$/, 'An AWS account id has 12 digits.');
export const roleNameSchema = z.string().regex(/^[\w+=,.@-]{1,64}$/, 'Not an IAM role name.');
export const directoryIdSchema = z.string().regex(/^d-[0-9a-f]{8,63}$/, 'A directory id looks like d-1234567890.');
const PLAIN_CLAIM = /^[A-Za-z0-9_:.-]{1,64}$/;
// Okta, Auth0 and AD FS name custom claims by URL: https://example.com/username.
const URL_CLAIM = /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?\/[\w.~%:@/-]*$/;
export const claimSchema = z
  .string()
  .max(256, 'At most 256 characters.')
  .refine((v) => PLAIN_CLAIM.test(v) || URL_CLAIM.test(v), 'Not a claim name (a name such as preferred_username, or a URL such as https://example.com/username).');

export const oidcSignInSchema = z.strictObject({
  method: z.literal('oidc'),
  issuer: serviceUrlSchema,
  clientId: text(256),
  roleArn: roleArnSchema,
  userNameClaim: claimSchema,
});

export const identityCenterSignInSchema = z.strictObject({
  method: z.literal('identity-center'),
  startUrl: serviceUrlSchema,
  region: regionSchema,
  accountId: accountIdSchema,
  roleName: roleNameSchema,
});

/** A SAML attribute name: a URI or a plain name (Okta, Entra ID and ADFS use both). */
export const samlAttributeSchema = z.string().regex(/^[A-Za-z0-9_:./#-]{1,256}$/, 'Not a SAML attribute name.');

export const samlSignInSchema = z.strictObject({
  method: z.literal('saml'),
  signInUrl: serviceUrlSchema,
  preferredRoleArn: roleArnSchema.optional(),
  userNameAttribute: samlAttributeSchema.optional(),
});

export const brokerSignInSchema = z.strictObject({
  method: z.literal('broker'),
  brokerUrl: serviceUrlSchema,
  issuer: serviceUrlSchema,
  clientId: text(256),
  userNameClaim: claimSchema,
});

export const signInSchema = z.discriminatedUnion('method', [oidcSignInSchema, identityCenterSignInSchema, samlSignInSchema, brokerSignInSchema]);

export const endpointsSchema = z.strictObject({
  workspaces: serviceUrlSchema.optional(),
  sts: serviceUrlSchema.optional(),
  sso: serviceUrlSchema.optional(),
  ssoOidc: serviceUrlSchema.optional(),
  samlAcs: z.literal('loopback').optional(),
});

export const orgPolicySchema = z.strictObject({
  allowStaySignedIn: z.boolean(),
  maxSignInHours: z.number().int().min(1).max(24 * 90).optional(),
});

export const orgNameSchema = text(64);
/** The label IT gives a managed organization ("Local demo"): shown next to its name. */
export const badgeSchema = text(32);

/** What a user, a link or an import supplies; the code is checked by the registration-code parser. */
export const orgInputSchema = z
  .strictObject({
    code: z.string().max(253),
    name: orgNameSchema,
    region: regionSchema.optional(),
    signIn: signInSchema,
    directoryId: directoryIdSchema.optional(),
    endpoints: endpointsSchema.optional(),
    defaultConnect: z.string().max(256).optional(),
  })
  .superRefine((input, ctx) => {
    const connectProblem = input.defaultConnect === undefined ? null : checkOrgDefault(input.defaultConnect);
    if (connectProblem) ctx.addIssue({ code: 'custom', path: ['defaultConnect'], message: connectProblem });
    const parsed = parseRegistrationCode(input.code);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: parsed.message });
      return;
    }
    if (!parsed.region && !input.region) {
      ctx.addIssue({
        code: 'custom',
        path: ['region'],
        message: parsed.kind === 'registration' ? 'Unknown site: choose the Region.' : 'Choose the Region for this code.',
      });
    }
  });

export const orgProfileSchema = z.strictObject({
  id: z.string().min(1).max(128),
  code: z.string().min(1).max(253),
  name: orgNameSchema,
  region: regionSchema.nullable(),
  signIn: signInSchema,
  directoryId: directoryIdSchema.optional(),
  endpoints: endpointsSchema.optional(),
  policy: orgPolicySchema,
  defaultConnect: z.string().max(256).optional(),
  managed: z.boolean(),
  badge: badgeSchema.optional(),
});

/** Turns zod issues into one readable line per field ("signIn.issuer: Must be an https:// address"). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('\n');
}
