import { Aws, CfnCondition, CfnOutput, CfnParameter, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import { CfnApi, CfnAuthorizer, CfnIntegration, CfnRoute, CfnStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import { CfnRole } from 'aws-cdk-lib/aws-iam';
import { CfnFunction, CfnPermission } from 'aws-cdk-lib/aws-lambda';
import { CfnLogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { BROKER_ROUTES } from '../../shared/broker/api';
import { brokerPermissionPolicy } from '../../shared/iam/kit-policy';

/** The routes API Gateway serves; all but the configuration need a valid ID token (the JWT authorizer). */
export const BROKER_API_ROUTES = [
  { id: 'Config', key: `GET ${BROKER_ROUTES.config}`, authorized: false },
  { id: 'Desktops', key: `GET ${BROKER_ROUTES.desktops}`, authorized: true },
  { id: 'Desktop', key: `GET ${BROKER_ROUTES.desktop('{workspaceId}').replace('%7B', '{').replace('%7D', '}')}`, authorized: true },
  { id: 'Actions', key: `POST ${BROKER_ROUTES.actions('{workspaceId}').replace('%7B', '{').replace('%7D', '}')}`, authorized: true },
] as const;

/** The sweep cache table's key and TTL attribute (broker/src/dynamo-cache.ts). */
const CACHE_KEY = 'pk';
const CACHE_TTL_ATTRIBUTE = 'expiresAt';

/**
 * Broker mode (docs/admin-guide.md, "Broker mode"): the broker Lambda with its least-privilege
 * role (shared/iam/kit-policy.ts), an HTTP API with a JWT authorizer for the organization's issuer
 * and client id, access logs, throttling per route (and per user in the function), and an
 * optional DynamoDB table that shares one sweep among all Lambda instances. The code comes from
 * an S3 object IT uploads (npm run broker:bundle), so the template deploys without a CDK bootstrap.
 */
export class DeskbridgeBrokerStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.templateOptions.description =
      'Deskbridge IT kit: the broker (broker mode): Lambda, HTTP API with a JWT authorizer, least-privilege role. See docs/admin-guide.md.';

    const issuerUrl = new CfnParameter(this, 'IssuerUrl', {
      type: 'String',
      allowedPattern: '^https://[^\\s?#]+[^/\\s?#]$',
      constraintDescription: 'The issuer URL exactly as your identity provider’s discovery document states it: https://…, no trailing slash.',
      description: 'Your identity provider’s issuer URL (the "issuer" of its /.well-known/openid-configuration).',
    });
    const clientId = new CfnParameter(this, 'ClientId', {
      type: 'String',
      minLength: 1,
      maxLength: 255,
      description: 'The client id of the Deskbridge app registration at your identity provider; the ID token’s audience.',
    });
    const userNameClaim = new CfnParameter(this, 'UserNameClaim', {
      type: 'String',
      default: 'preferred_username',
      minLength: 1,
      maxLength: 128,
      description: 'The ID-token claim that holds the WorkSpaces user name.',
    });
    const orgName = new CfnParameter(this, 'OrganizationName', {
      type: 'String',
      minLength: 1,
      maxLength: 100,
      description: 'The organization’s name as Deskbridge shows it.',
    });
    const directoryIds = new CfnParameter(this, 'DirectoryIds', {
      type: 'String',
      default: '',
      allowedPattern: '^((d-[0-9a-f]{8,63}|wsd-[0-9a-z]{8,63})(,(d-[0-9a-f]{8,63}|wsd-[0-9a-z]{8,63}))*)?$',
      description: 'The WorkSpaces directories the broker serves, comma-separated. Empty: every directory in the Region.',
    });
    const defaultConnect = new CfnParameter(this, 'DefaultConnect', {
      type: 'String',
      default: '',
      maxLength: 2048,
      description: 'Default connection for desktops without a deskbridge:connect tag (optional).',
    });
    const cacheTtl = new CfnParameter(this, 'CacheTtlSeconds', {
      type: 'Number',
      default: 30,
      minValue: 5,
      maxValue: 3600,
      description: 'How long one sweep of a directory serves every user, in seconds.',
    });
    const sharedCache = new CfnParameter(this, 'SharedCache', {
      type: 'String',
      default: 'no',
      allowedValues: ['yes', 'no'],
      description: '"yes": a DynamoDB table (with TTL) shares one sweep among all Lambda instances. "no": each instance sweeps on its own.',
    });
    const codeBucket = new CfnParameter(this, 'CodeS3Bucket', {
      type: 'String',
      minLength: 3,
      description: 'The S3 bucket holding the broker bundle (npm run broker:bundle writes out/broker/deskbridge-broker.zip).',
    });
    const codeKey = new CfnParameter(this, 'CodeS3Key', {
      type: 'String',
      default: 'deskbridge-broker.zip',
      minLength: 1,
      description: 'The bundle’s key in CodeS3Bucket.',
    });
    const functionName = new CfnParameter(this, 'FunctionName', {
      type: 'String',
      default: 'deskbridge-broker',
      allowedPattern: '^[A-Za-z0-9_-]{1,64}$',
      description: 'Name of the broker Lambda function.',
    });
    const routeRate = new CfnParameter(this, 'RouteRateLimit', {
      type: 'Number',
      default: 100,
      minValue: 1,
      description: 'Steady requests per second API Gateway lets through, per route.',
    });
    const routeBurst = new CfnParameter(this, 'RouteBurstLimit', {
      type: 'Number',
      default: 200,
      minValue: 1,
      description: 'Burst of requests API Gateway lets through, per route.',
    });
    const userBurst = new CfnParameter(this, 'UserBurst', {
      type: 'Number',
      default: 20,
      minValue: 1,
      description: 'Requests one user may make in a burst (checked by the function).',
    });
    const userRate = new CfnParameter(this, 'UserRatePerSecond', {
      type: 'Number',
      default: 2,
      minValue: 1,
      description: 'Requests per second one user’s budget refills (checked by the function).',
    });

    const useCache = new CfnCondition(this, 'UsingSharedCache', { expression: Fn.conditionEquals(sharedCache.valueAsString, 'yes') });

    const table = new CfnTable(this, 'SweepCache', {
      billingMode: 'PAY_PER_REQUEST',
      keySchema: [{ attributeName: CACHE_KEY, keyType: 'HASH' }],
      attributeDefinitions: [{ attributeName: CACHE_KEY, attributeType: 'S' }],
      timeToLiveSpecification: { attributeName: CACHE_TTL_ATTRIBUTE, enabled: true },
      sseSpecification: { sseEnabled: true },
    });
    table.cfnOptions.condition = useCache;

    const logGroup = new CfnLogGroup(this, 'FunctionLogs', { logGroupName: `/aws/lambda/${functionName.valueAsString}`, retentionInDays: 90 });
    const accessLogs = new CfnLogGroup(this, 'AccessLogs', { retentionInDays: 90 });

    const where = { partition: Aws.PARTITION, region: Aws.REGION, account: Aws.ACCOUNT_ID };
    const policy = Fn.conditionIf(
      useCache.logicalId,
      this.toJsonString(brokerPermissionPolicy({ ...where, cacheTableArn: table.attrArn })),
      this.toJsonString(brokerPermissionPolicy(where)),
    );
    const logsPolicy = {
      Version: '2012-10-17',
      Statement: [{ Sid: 'WriteOwnLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: logGroup.attrArn }],
    };
    const role = new CfnRole(this, 'BrokerRole', {
      description: "The Deskbridge broker's execution role: sweeps WorkSpaces directories and runs self-service actions the broker has checked.",
      assumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      },
      policies: [
        { policyName: 'DeskbridgeBroker', policyDocument: policy },
        { policyName: 'DeskbridgeBrokerLogs', policyDocument: logsPolicy },
      ],
    });

    const fn = new CfnFunction(this, 'BrokerFunction', {
      functionName: functionName.valueAsString,
      description: 'Deskbridge broker (broker mode).',
      runtime: 'nodejs22.x',
      architectures: ['arm64'],
      handler: 'index.handler',
      code: { s3Bucket: codeBucket.valueAsString, s3Key: codeKey.valueAsString },
      role: role.attrArn,
      memorySize: 512,
      timeout: 29,
      loggingConfig: { logFormat: 'Text', logGroup: logGroup.ref },
      environment: {
        variables: {
          BROKER_NAME: orgName.valueAsString,
          BROKER_ISSUER: issuerUrl.valueAsString,
          BROKER_AUDIENCE: clientId.valueAsString,
          BROKER_USER_NAME_CLAIM: userNameClaim.valueAsString,
          BROKER_DIRECTORY_IDS: directoryIds.valueAsString,
          BROKER_DEFAULT_CONNECT: defaultConnect.valueAsString,
          BROKER_CACHE_TTL_SECONDS: cacheTtl.valueAsString,
          BROKER_CACHE_TABLE: Fn.conditionIf(useCache.logicalId, table.ref, '').toString(),
          BROKER_USER_BURST: userBurst.valueAsString,
          BROKER_USER_RATE: userRate.valueAsString,
        },
      },
    });
    fn.addResourceDependency(logGroup);

    const api = new CfnApi(this, 'BrokerApi', { name: 'deskbridge-broker', protocolType: 'HTTP', description: 'Deskbridge broker (broker mode).' });
    const authorizer = new CfnAuthorizer(this, 'IdTokenAuthorizer', {
      apiId: api.ref,
      name: 'deskbridge-id-token',
      authorizerType: 'JWT',
      identitySource: ['$request.header.Authorization'],
      jwtConfiguration: { issuer: issuerUrl.valueAsString, audience: [clientId.valueAsString] },
    });
    const integration = new CfnIntegration(this, 'BrokerIntegration', {
      apiId: api.ref,
      integrationType: 'AWS_PROXY',
      integrationUri: fn.attrArn,
      payloadFormatVersion: '2.0',
      timeoutInMillis: 29_000,
    });
    const routes = BROKER_API_ROUTES.map((r) => {
      const route = new CfnRoute(this, `Route${r.id}`, {
        apiId: api.ref,
        routeKey: r.key,
        target: `integrations/${integration.ref}`,
        ...(r.authorized ? { authorizationType: 'JWT', authorizerId: authorizer.ref } : { authorizationType: 'NONE' }),
      });
      return route;
    });
    const throttle = { throttlingRateLimit: routeRate.valueAsNumber, throttlingBurstLimit: routeBurst.valueAsNumber };
    const stage = new CfnStage(this, 'DefaultStage', {
      apiId: api.ref,
      stageName: '$default',
      autoDeploy: true,
      defaultRouteSettings: throttle,
      // RouteSettings is raw JSON in CloudFormation: spelled as the API spells it.
      routeSettings: Object.fromEntries(
        BROKER_API_ROUTES.map((r) => [r.key, { ThrottlingRateLimit: routeRate.valueAsNumber, ThrottlingBurstLimit: routeBurst.valueAsNumber }]),
      ),
      accessLogSettings: {
        destinationArn: accessLogs.attrArn,
        // Who and what, never a token: API Gateway's context variables, not the Authorization header.
        format: JSON.stringify({
          requestId: '$context.requestId',
          time: '$context.requestTime',
          route: '$context.routeKey',
          status: '$context.status',
          sourceIp: '$context.identity.sourceIp',
          user: '$context.authorizer.claims.sub',
          latencyMs: '$context.responseLatency',
          error: '$context.authorizer.error',
        }),
      },
    });
    for (const route of routes) stage.addResourceDependency(route);

    new CfnPermission(this, 'ApiInvokesBroker', {
      action: 'lambda:InvokeFunction',
      functionName: fn.ref,
      principal: 'apigateway.amazonaws.com',
      sourceArn: `arn:${Aws.PARTITION}:execute-api:${Aws.REGION}:${Aws.ACCOUNT_ID}:${api.ref}/*/*`,
    });

    new CfnOutput(this, 'BrokerUrl', {
      value: `https://${api.ref}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`,
      description: 'The broker URL for the organization’s settings (signIn.method broker).',
    });
    new CfnOutput(this, 'BrokerRoleArn', { value: role.attrArn });
  }
}
