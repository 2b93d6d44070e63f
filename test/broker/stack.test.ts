import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { templateFile } from '../../deploy/synth';
import { BROKER_ROUTES } from '@shared/broker/api';
import { BROKER_DESCRIBE_ACTIONS, brokerPermissionPolicy, type PolicyDocument } from '@shared/iam/kit-policy';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Resource {
  readonly Type: string;
  readonly Properties: Record<string, Json>;
  readonly Condition?: string;
}

/** Resolves Ref, Fn::Join, Fn::If and Fn::GetAtt for given parameter values and condition results. */
function resolve(value: Json, refs: Readonly<Record<string, string>>): Json {
  if (Array.isArray(value)) return value.map((v) => resolve(v, refs));
  if (value === null || typeof value !== 'object') return value;
  const [key] = Object.keys(value);
  const arg = value[key ?? ''] as Json;
  if (key === 'Ref') return refs[arg as string] ?? `<${arg as string}>`;
  if (key === 'Fn::Join') {
    const [sep, parts] = arg as [string, Json[]];
    return parts.map((p) => resolve(p, refs) as string).join(sep);
  }
  if (key === 'Fn::If') {
    const [condition, yes, no] = arg as [string, Json, Json];
    return resolve(refs[`condition:${condition}`] === 'true' ? yes : no, refs);
  }
  if (key === 'Fn::GetAtt') return `<${(arg as string[]).join('.')}>`;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, refs)]));
}

const PSEUDO = { 'AWS::Partition': 'aws', 'AWS::Region': 'eu-central-1', 'AWS::AccountId': '111122223333' };

async function template(): Promise<{ Resources: Record<string, Resource>; Parameters: Record<string, Json>; Conditions: Record<string, Json> }> {
  return JSON.parse(await readFile(templateFile('DeskbridgeBroker'), 'utf8')) as never;
}

const ofType = (resources: Record<string, Resource>, type: string): [string, Resource][] => Object.entries(resources).filter(([, r]) => r.Type === type);

describe('the broker stack (deploy/templates/DeskbridgeBroker.template.json)', () => {
  it('puts a JWT authorizer for the issuer and client id in front of every route but the configuration', async () => {
    const { Resources } = await template();
    const [[authorizerId, authorizer] = ['', undefined]] = ofType(Resources, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizer?.Properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: { Ref: 'IssuerUrl' }, Audience: [{ Ref: 'ClientId' }] },
    });
    const routes = ofType(Resources, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties);
    expect(routes.map((r) => r['RouteKey']).sort()).toEqual(
      [`GET ${BROKER_ROUTES.config}`, `GET ${BROKER_ROUTES.desktops}`, 'GET /v1/desktops/{workspaceId}', 'POST /v1/desktops/{workspaceId}/actions'].sort(),
    );
    for (const route of routes) {
      if (route['RouteKey'] === `GET ${BROKER_ROUTES.config}`) expect(route['AuthorizationType']).toBe('NONE');
      else expect(route).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
    }
  });

  it("gives the function's role exactly the kit's broker policy, with the cache table only when IT opts in", async () => {
    const { Resources } = await template();
    const role = Resources['BrokerRole']!.Properties;
    expect(role['AssumeRolePolicyDocument']).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    const [broker, logs] = role['Policies'] as { PolicyDocument: Json }[];
    const resolved = (cache: boolean): PolicyDocument =>
      JSON.parse(resolve(broker!.PolicyDocument, { ...PSEUDO, 'condition:UsingSharedCache': String(cache) }) as string) as PolicyDocument;
    const where = { partition: 'aws', region: 'eu-central-1', account: '111122223333' };
    expect(resolved(false)).toEqual(brokerPermissionPolicy(where));
    expect(resolved(true)).toEqual(brokerPermissionPolicy({ ...where, cacheTableArn: '<SweepCache.Arn>' }));
    // "*" only where IAM has no resource type: the Describe actions.
    for (const statement of [...resolved(true).Statement, ...resolved(false).Statement]) {
      if (statement.Resource === '*') expect([...statement.Action].sort()).toEqual([...BROKER_DESCRIBE_ACTIONS].sort());
      else expect(statement.Resource).not.toContain('*"');
      expect(statement.Action).not.toContain('workspaces:*');
      expect(statement.Action).not.toContain('workspaces:StopWorkspaces');
      expect(statement.Action).not.toContain('workspaces:TerminateWorkspaces');
    }
    expect(resolve(logs!.PolicyDocument, PSEUDO)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'WriteOwnLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '<FunctionLogs.Arn>' }],
    });
  });

  it('throttles every route at the stage and writes access logs without tokens', async () => {
    const { Resources } = await template();
    const [[, stage] = ['', undefined]] = ofType(Resources, 'AWS::ApiGatewayV2::Stage');
    const props = stage!.Properties;
    expect(props['DefaultRouteSettings']).toEqual({ ThrottlingBurstLimit: { Ref: 'RouteBurstLimit' }, ThrottlingRateLimit: { Ref: 'RouteRateLimit' } });
    const routeKeys = ofType(Resources, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties['RouteKey'] as string);
    const settings = props['RouteSettings'] as Record<string, Json>;
    for (const key of routeKeys)
      expect(settings[key]).toEqual({ ThrottlingRateLimit: { Ref: 'RouteRateLimit' }, ThrottlingBurstLimit: { Ref: 'RouteBurstLimit' } });
    const access = props['AccessLogSettings'] as { DestinationArn: Json; Format: string };
    expect(access.DestinationArn).toEqual({ 'Fn::GetAtt': ['AccessLogs', 'Arn'] });
    expect(access.Format).not.toMatch(/authorization|header/i);
    // And per user, in the function.
    const env = (Resources['BrokerFunction']!.Properties['Environment'] as { Variables: Record<string, Json> }).Variables;
    expect(env['BROKER_USER_BURST']).toEqual({ Ref: 'UserBurst' });
    expect(env['BROKER_USER_RATE']).toEqual({ Ref: 'UserRatePerSecond' });
  });

  it('creates the DynamoDB sweep cache with a TTL only on the SharedCache condition, and tells the function its name', async () => {
    const { Resources, Conditions } = await template();
    const table = Resources['SweepCache']!;
    expect(table.Condition).toBe('UsingSharedCache');
    expect(Conditions['UsingSharedCache']).toEqual({ 'Fn::Equals': [{ Ref: 'SharedCache' }, 'yes'] });
    expect(table.Properties['TimeToLiveSpecification']).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    expect(table.Properties['KeySchema']).toEqual([{ AttributeName: 'pk', KeyType: 'HASH' }]);
    const fn = Resources['BrokerFunction']!.Properties;
    const env = (fn['Environment'] as { Variables: Record<string, Json> }).Variables;
    expect(resolve(env['BROKER_CACHE_TABLE']!, { 'condition:UsingSharedCache': 'true', SweepCache: 'cache-table' })).toBe('cache-table');
    expect(resolve(env['BROKER_CACHE_TABLE']!, { 'condition:UsingSharedCache': 'false' })).toBe('');
    expect(fn).toMatchObject({ Handler: 'index.handler', Code: { S3Bucket: { Ref: 'CodeS3Bucket' }, S3Key: { Ref: 'CodeS3Key' } } });
    expect(fn['Runtime']).toMatch(/^nodejs2\d\.x$/);
  });
});
