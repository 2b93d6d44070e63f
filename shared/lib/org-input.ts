import { z } from 'zod';
import { orgDefaultReason } from './connect-target';
import { serviceUrlProblem, serviceUrlReason } from './external-url';
import { englishReason, type FieldIssue, type FieldReason, isFieldReason, type ReasonOf } from './field-reasons';
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

/** A refinement whose issue carries its reason code (read back by fieldIssues); the message is the English. */
const because = (reason: FieldReason) => ({ message: englishReason({ reason }), params: { reason } });
/** A zod issue from a shared check's reason. */
const addReason = (ctx: z.RefinementCtx, problem: ReasonOf, path?: string[]): void =>
  ctx.addIssue({
    code: 'custom',
    message: englishReason(problem),
    params: { ...problem.params, reason: problem.reason },
    ...(path === undefined ? {} : { path }),
  });

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'Required.')
    .max(max, `At most ${max} characters.`)
    .refine((v) => !DISGUISING_CHARACTERS.test(v), because('disguising-characters'));

export const serviceUrlSchema = z
  .string()
  .max(512, 'At most 512 characters.')
  .superRefine((value, ctx) => {
    const problem = serviceUrlReason(value);
    if (problem) addReason(ctx, problem);
  });
export const regionSchema = z.string().refine(isRegionName, because('not-region'));
export const roleArnSchema = z
  .string()
  .max(2048)
  .refine((v) => /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/.test(v), because('not-role-arn'));
export const accountIdSchema = z.string().refine((v) => /^\d{12}$/.test(v), because('not-account-id'));
export const roleNameSchema = z.string().refine((v) => /^[\w+=,.@-]{1,64}$/.test(v), because('not-role-name'));
export const directoryIdSchema = z.string().refine((v) => /^d-[0-9a-f]{8,63}$/.test(v), because('not-directory-id'));
const PLAIN_CLAIM = /^[A-Za-z0-9_:.-]{1,64}$/;
// Okta, Auth0 and AD FS name custom claims by URL: https://example.com/username.
const URL_CLAIM = /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?\/[\w.~%:@/-]*$/;
export const claimSchema = z
  .string()
  .max(256, 'At most 256 characters.')
  .refine((v) => PLAIN_CLAIM.test(v) || URL_CLAIM.test(v), because('not-claim'));

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
export const samlAttributeSchema = z.string().refine((v) => /^[A-Za-z0-9_:./#-]{1,256}$/.test(v), because('not-saml-attribute'));

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
  maxSignInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .optional(),
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
    const connectProblem = input.defaultConnect === undefined ? null : orgDefaultReason(input.defaultConnect);
    if (connectProblem) addReason(ctx, connectProblem, ['defaultConnect']);
    const parsed = parseRegistrationCode(input.code);
    if (!parsed.ok) {
      addReason(ctx, parsed.field, ['code']);
      return;
    }
    if (!parsed.region && !input.region) addReason(ctx, { reason: parsed.kind === 'registration' ? 'region-unknown-site' : 'region-needed' }, ['region']);
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

/** The reason code of one zod issue: a shared check's own, or what zod's built-in checks mean for a field. */
function reasonOf(issue: z.core.$ZodIssue): ReasonOf {
  if (issue.code === 'custom') {
    const { reason, ...params } = (issue.params ?? {}) as Record<string, string | number>;
    if (isFieldReason(reason)) return Object.keys(params).length > 0 ? { reason, params } : { reason };
  }
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1) return { reason: 'required' };
  if (issue.code === 'too_big' && issue.origin === 'string') return { reason: 'too-long', params: { max: Number(issue.maximum) } };
  return { reason: 'invalid' };
}

/** One issue per refused field, as reason codes with params: what the UI words (never zod's English). */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), ...reasonOf(issue) }));
}

/** Turns zod issues into one readable English line per field ("signIn.issuer: Must be an https:// address"), for logs and details. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('\n');
}
