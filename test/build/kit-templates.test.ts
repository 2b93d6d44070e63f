import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { STACK_NAMES } from '../../deploy/app';
import { synthesizeTemplates, templateFile } from '../../deploy/synth';
import { DEFAULT_OWNER_TAG_KEY, kitPermissionPolicy } from '@shared/iam/kit-policy';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Resolves the intrinsic functions the kit uses (Ref, Fn::Join/Select/Split/If/FindInMap) for given parameter values. */
function resolve(value: Json, refs: Readonly<Record<string, string>>, template: { Mappings?: Json; Conditions?: Json }): Json {
  if (Array.isArray(value)) return value.map((v) => resolve(v, refs, template));
  if (value === null || typeof value !== 'object') return value;
  const [key] = Object.keys(value);
  const arg = value[key ?? ''] as Json;
  if (key === 'Ref') {
    const ref = refs[arg as string];
    if (ref === undefined) throw new Error(`no value for Ref ${JSON.stringify(arg)}`);
    return ref;
  }
  if (key === 'Fn::Join') {
    const [sep, parts] = arg as [string, Json[]];
    return parts.map((p) => resolve(p, refs, template) as string).join(sep);
  }
  if (key === 'Fn::Select') {
    const [index, list] = arg as [number, Json];
    return (resolve(list, refs, template) as Json[])[index] ?? null;
  }
  if (key === 'Fn::Split') {
    const [sep, text] = arg as [string, Json];
    return (resolve(text, refs, template) as string).split(sep);
  }
  if (key === 'Fn::If') {
    const [condition, yes, no] = arg as [string, Json, Json];
    return resolve(refs[`condition:${condition}`] === 'true' ? yes : no, refs, template);
  }
  if (key === 'Fn::FindInMap') {
    const [map, top, second] = (arg as Json[]).map((a) => resolve(a, refs, template)) as [string, string, string];
    return (template.Mappings as Record<string, Record<string, Record<string, Json>>>)[map]?.[top]?.[second] ?? null;
  }
  if (key === 'Fn::GetAtt') return `<${(arg as string[]).join('.')}>`;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, refs, template)]));
}

const PSEUDO = { 'AWS::Partition': 'aws', 'AWS::Region': 'eu-central-1', 'AWS::AccountId': '111122223333' };

async function committed(name: (typeof STACK_NAMES)[number]): Promise<{ Resources: Record<string, { Properties: Record<string, Json> }>; Mappings?: Json }> {
  return JSON.parse(await readFile(templateFile(name), 'utf8')) as never;
}

describe('the IT kit (deploy/)', () => {
  it('committed templates are exactly what the CDK app synthesizes, offline (run npm run kit:synth after a change)', async () => {
    const synthesized = await synthesizeTemplates();
    for (const name of STACK_NAMES) expect(await readFile(templateFile(name), 'utf8'), name).toBe(synthesized[name]);
  });

  it('the OIDC role trusts only that issuer and client id, for AssumeRoleWithWebIdentity and TagSession, and carries the shared policy', async () => {
    const template = await committed('DeskbridgeOidc');
    const refs = {
      ...PSEUDO,
      IssuerUrl: 'https://example.okta.com/oauth2/default',
      ClientId: '0oa-deskbridge',
      OwnerTagKey: 'Owner',
      MaxSessionHours: '8',
      RoleName: 'Deskbridge',
      'condition:CreatingOidcProvider': 'false',
    };
    const role = template.Resources['DeskbridgeRole']?.Properties ?? {};
    expect(JSON.parse(resolve(role['AssumeRolePolicyDocument'] ?? null, refs, template) as string)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DeskbridgeUsersOfThisIssuerAndClient',
          Effect: 'Allow',
          Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/example.okta.com/oauth2/default' },
          Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
          Condition: { StringEquals: { 'example.okta.com/oauth2/default:aud': '0oa-deskbridge' }, 'ForAllValues:StringEquals': { 'aws:TagKeys': ['Owner'] } },
        },
      ],
    });
    expect(resolve(role['MaxSessionDuration'] ?? null, refs, template)).toBe(8 * 3600);
    const [policy] = role['Policies'] as { PolicyDocument: Json }[];
    expect(JSON.parse(resolve(policy?.PolicyDocument ?? null, refs, template) as string)).toEqual(
      kitPermissionPolicy({ partition: 'aws', region: 'eu-central-1', account: '111122223333', ownerTagKey: 'Owner' }),
    );
  });

  it('the Identity Center permission set has the same policy, and the attribute turns the user name into the owner principal tag', async () => {
    const template = await committed('DeskbridgeIdentityCenter');
    const refs = {
      ...PSEUDO,
      WorkSpacesRegion: 'eu-west-1',
      WorkSpacesAccountId: '444455556666',
      OwnerTagKey: DEFAULT_OWNER_TAG_KEY,
      MaxSessionHours: '4',
      IdentityCenterInstanceArn: 'arn:aws:sso:::instance/ssoins-0123456789abcdef',
    };
    const set = template.Resources['PermissionSet']?.Properties ?? {};
    expect(JSON.parse(resolve(set['InlinePolicy'] ?? null, refs, template) as string)).toEqual(
      kitPermissionPolicy({ partition: 'aws', region: 'eu-west-1', account: '444455556666', ownerTagKey: DEFAULT_OWNER_TAG_KEY }),
    );
    expect(resolve(set['SessionDuration'] ?? null, refs, template)).toBe('PT4H');
    const attributes = template.Resources['AttributesForAccessControl']?.Properties ?? {};
    expect(resolve(attributes['AccessControlAttributes'] ?? null, refs, template)).toEqual([
      { Key: DEFAULT_OWNER_TAG_KEY, Value: { Source: ['${path:userName}'] } },
    ]);
  });

  it('the SAML role trusts AssumeRoleWithSAML and TagSession for the AWS SAML audience only', async () => {
    const template = await committed('DeskbridgeSaml');
    const refs = {
      ...PSEUDO,
      SamlProviderArn: 'arn:aws:iam::111122223333:saml-provider/Corp',
      OwnerTagKey: 'Owner',
      MaxSessionHours: '12',
      'condition:CreatingSamlProvider': 'false',
    };
    const role = template.Resources['DeskbridgeRole']?.Properties ?? {};
    const trust = JSON.parse(resolve(role['AssumeRolePolicyDocument'] ?? null, refs, template) as string) as { Statement: Record<string, Json>[] };
    expect(trust.Statement).toEqual([
      expect.objectContaining({
        Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/Corp' },
        Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
        Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' }, 'ForAllValues:StringEquals': { 'aws:TagKeys': ['Owner'] } },
      }),
    ]);
    const [policy] = role['Policies'] as { PolicyDocument: Json }[];
    expect(JSON.parse(resolve(policy?.PolicyDocument ?? null, refs, template) as string)).toEqual(
      kitPermissionPolicy({ partition: 'aws', region: 'eu-central-1', account: '111122223333', ownerTagKey: 'Owner' }),
    );
  });
});
