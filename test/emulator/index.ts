/** The local cloud (docs/architecture.md): WorkSpaces, STS, IAM Identity Center and an OIDC IdP on 127.0.0.1. */
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWK } from 'jose';
import { type Clock, type ClockOptions, createClock } from './clock';
import { brokerPermissionPolicy, kitPermissionPolicy, type PolicyDocument } from '@shared/iam/kit-policy';
import { ADMIN_KEY, createCredentialRegistry } from './credentials';
import { buildDemo, type DemoData, type EmulatorEndpoints } from './demo';
import { dynamodbService } from './dynamodb';
import { createFaults, type FaultSetting, type Faults } from './faults';
import { type ResponseTap, listen, type RunningServer, serviceHandler } from './http-server';
import { ADMINISTRATOR_POLICY, createIamStore, type IamStore } from './iam';
import { createIdentityCenterState } from './identity-center-state';
import { createIdp, idpHandler, type IdpQuirks, type IdpTokenTtls } from './idp';
import { loadModel } from './model-validator';
import { createRandom } from './rng';
import { ACCOUNT_ID, DEMO_ROLE_ARN, DEMO_USERS, IDC_ROLE_ARN, IDC_ROLE_NAME, OIDC_CLIENT_ID, OWNER_TAG_KEY, seedStore } from './seed';
import { BROKER_CACHE_TABLE, BROKER_ROLE_ARN, BROKER_SESSION_ARN } from './seed';
import { ssoOidcService } from './sso-oidc';
import { ssoPortalService } from './sso-portal';
import {
  createSamlIdp,
  createSamlSigningKey,
  SAML_IDP_ENTITY_ID,
  SAML_PROVIDER_ARN,
  SAML_SUPPORT_ROLE_ARN,
  SAML_USERS_ROLE_ARN,
  type SamlIdp,
} from './saml-idp';
import { stsService } from './sts';
import { workspacesService } from './workspaces/server';
import { createStateHelpers, createStore, type StateHelpers } from './workspaces/store';
import { type Durations, ZERO_DURATIONS } from './workspaces/types';

export type { Clock } from './clock';
export type { DemoData, DemoOrganization, EmulatorEndpoints } from './demo';
export type { FaultSetting, FaultSpec, Faults, ServiceName } from './faults';
export type { ResponseTap, TapEvent } from './http-server';
export type { DemoUser } from './seed';
export type { IdpQuirks } from './idp';
export { URL_USER_NAME_CLAIM } from './idp';
export type { IamStore } from './iam';
export { DEMO_ROLE_ARN, IDC_ROLE_ARN, OWNER_TAG_KEY } from './seed';
export { BROKER_CACHE_TABLE, BROKER_ROLE_ARN } from './seed';
export type { StateHelpers } from './workspaces/store';
export type { Durations, WorkspaceRecord, WorkspaceState } from './workspaces/types';
export { DEMO_DURATIONS, ZERO_DURATIONS } from './workspaces/types';
export { loginWithPassword } from './login';

export interface EmulatorOptions {
  /** Manual clock for tests ({ manual: true }); real time by default. */
  readonly clock?: ClockOptions;
  /** Lifecycle transition durations (zero by default; DEMO_DURATIONS for the demo). */
  readonly durations?: Partial<Durations>;
  /** Fixed ports; any left out are ephemeral. */
  readonly ports?: Partial<Record<keyof EmulatorEndpoints, number>>;
  /** Seed of the RNG that decides fault rates (default 1). */
  readonly randomSeed?: number;
  readonly faults?: readonly FaultSetting[];
  /** The deskbridge:connect tag of alice's VNC desktop (default vnc://127.0.0.1:5901). */
  readonly vncAddress?: string;
  /** How many desktops the "bulk" user has (default 2,500). */
  readonly bulkCount?: number;
  /** Spread the bulk desktops over this many users (bulk-00000, …; the broker benchmark). */
  readonly bulkUsers?: number;
  /** Token lifetimes of the OIDC IdP (and the Identity Center access token). */
  readonly tokenTtl?: IdpTokenTtls;
  /** Sees every response the emulator sends (fidelity tests validate them against the models). */
  readonly onResponse?: ResponseTap;
  /** Habits of real identity providers the OIDC IdP imitates (all off by default). */
  readonly idpQuirks?: IdpQuirks;
  /** The AWS region the endpoints serve (default us-east-1, the demo organizations' region). */
  readonly region?: string;
  /**
   * Whether sign-ins carry session tags: the IdP's https://aws.amazon.com/tags claim and the
   * permission set's attributes for access control (default true, as the admin guide sets up).
   */
  readonly sessionTags?: boolean;
  /** The demo roles' permission policies (default: the IT kit's own, shared/iam/kit-policy.ts). */
  readonly rolePolicies?: readonly PolicyDocument[];
  /** The broker role's permission policies (default: the kit's broker policy, shared/iam/kit-policy.ts). */
  readonly brokerPolicies?: readonly PolicyDocument[];
}

/** The kit's policy as deployed into the demo account. */
export function demoKitPolicy(): PolicyDocument {
  return kitPermissionPolicy({ partition: 'aws', region: 'us-east-1', account: ACCOUNT_ID, ownerTagKey: OWNER_TAG_KEY });
}

/** The kit's broker policy as deployed into the demo account (with the shared sweep cache table). */
export function demoBrokerPolicy(): PolicyDocument {
  return brokerPermissionPolicy({
    partition: 'aws',
    region: 'us-east-1',
    account: ACCOUNT_ID,
    cacheTableArn: `arn:aws:dynamodb:us-east-1:${ACCOUNT_ID}:table/${BROKER_CACHE_TABLE}`,
  });
}

export interface Emulator {
  readonly endpoints: EmulatorEndpoints;
  /** The region the endpoints serve: clients must sign for it. */
  readonly region: string;
  readonly demo: DemoData;
  readonly clock: Clock;
  readonly faults: Faults;
  readonly state: StateHelpers & {
    setDurations(durations: Partial<Durations>): void;
    /** The user pressed "Deny" on the Identity Center device page. */
    denyDeviceAuthorization(userCode: string): void;
    /** The SAML IdP's AWS app settings (change them to produce each failure) and its sessions. */
    readonly saml: SamlIdp;
  };
  /** The account's IAM policies by role or user ARN; tests may edit them (live sessions follow). */
  readonly iam: IamStore;
  /** A long-term key whose user may do everything (not an end user: no self-service limits). */
  readonly adminCredentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** The broker's execution role session (broker mode), as Lambda hands it to the function. */
  readonly brokerCredentials: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken: string };
  stop(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const clock = createClock(options.clock);
  const faults = createFaults(createRandom(options.randomSeed ?? 1), options.faults ?? []);
  const registry = createCredentialRegistry();
  registry.add(ADMIN_KEY);
  const rolePolicies = options.rolePolicies ?? [demoKitPolicy()];
  const iam = createIamStore({
    [DEMO_ROLE_ARN]: rolePolicies,
    [IDC_ROLE_ARN]: rolePolicies,
    [SAML_USERS_ROLE_ARN]: rolePolicies,
    [SAML_SUPPORT_ROLE_ARN]: rolePolicies,
    [ADMIN_KEY.principal.arn]: [ADMINISTRATOR_POLICY],
    [BROKER_ROLE_ARN]: options.brokerPolicies ?? [demoBrokerPolicy()],
  });
  // Lambda's execution-role session: not an end user (the broker applies self-service rules itself).
  const brokerKey = registry.issueTemporary(
    { arn: BROKER_SESSION_ARN, account: ACCOUNT_ID, userId: 'AROAEMULATORBROKER01:deskbridge-broker', endUser: false },
    clock.now() + 100 * 365 * 86_400_000,
  );
  const sessionTags = options.sessionTags ?? true;
  const tap = options.onResponse;
  const timers = new Set<NodeJS.Timeout>();
  const ports = options.ports ?? {};

  const store = createStore(
    seedStore({ now: clock.now(), vncAddress: options.vncAddress ?? 'vnc://127.0.0.1:5901', bulkCount: options.bulkCount, bulkUsers: options.bulkUsers }),
    clock,
    { ...ZERO_DURATIONS, ...options.durations },
  );
  const idc = createIdentityCenterState({
    clock,
    users: DEMO_USERS,
    accessTokenSeconds: options.tokenTtl?.accessTokenSeconds,
    assignments: [
      {
        accountId: ACCOUNT_ID,
        accountName: 'Deskbridge Demo',
        emailAddress: 'aws-demo@example.com',
        roleName: IDC_ROLE_NAME,
        attributes: sessionTags ? { [OWNER_TAG_KEY]: '${path:userName}' } : {},
      },
    ],
  });

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const privateJwk: JWK = { ...(await exportJWK(privateKey)), kid: 'emulator-1', alg: 'RS256', use: 'sig' };
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  const jwks = createLocalJWKSet({ keys: [publicJwk] });

  const workspacesModel = await loadModel('workspaces');
  const region = options.region ?? 'us-east-1';
  const [samlKey, staleSamlKey] = await Promise.all([createSamlSigningKey(), createSamlSigningKey()]);
  const saml = createSamlIdp({ clock, users: DEMO_USERS, key: samlKey, staleKey: staleSamlKey });
  const servers: RunningServer[] = [];
  let oidcIssuer = '';
  let ssoOidcUrl = '';
  let idpDispatch: Parameters<typeof listen>[0] = (_req, res) => {
    res.writeHead(503);
    res.end();
  };
  try {
    servers.push(
      await listen(serviceHandler(workspacesService({ store, registry, faults, clock, tap, model: workspacesModel, region, iam }), timers), ports.workspaces),
    );
    servers.push(
      await listen(
        serviceHandler(
          stsService({
            registry,
            clock,
            faults,
            tap,
            region,
            providers: () => [{ issuer: oidcIssuer, audiences: [OIDC_CLIENT_ID], jwks }],
            roles: () => [{ arn: DEMO_ROLE_ARN, trustedIssuer: oidcIssuer, trustedAudience: OIDC_CLIENT_ID, allowsTagSession: true, maxSessionSeconds: 43200 }],
            samlProviders: () => [{ arn: SAML_PROVIDER_ARN, entityId: SAML_IDP_ENTITY_ID, certificate: saml.metadataCertificate }],
            samlRoles: () => [
              { arn: SAML_USERS_ROLE_ARN, trustedProvider: SAML_PROVIDER_ARN, maxSessionSeconds: 43200 },
              { arn: SAML_SUPPORT_ROLE_ARN, trustedProvider: SAML_PROVIDER_ARN, maxSessionSeconds: 43200 },
            ],
          }),
          timers,
        ),
        ports.sts,
      ),
    );
    servers.push(await listen(serviceHandler(ssoPortalService({ state: idc, registry, faults, tap }), timers), ports.sso));
    servers.push(await listen(serviceHandler(ssoOidcService({ state: idc, faults, tap, baseUrl: () => ssoOidcUrl }), timers), ports.ssoOidc));
    // The IdP must know its own URL (the issuer) before it is built, so it listens first.
    servers.push(await listen((req, res) => idpDispatch(req, res), ports.oidcIssuer));
    servers.push(await listen((req, res) => saml.handler(req, res), ports.samlIdp));
    servers.push(
      await listen(
        serviceHandler(
          dynamodbService({
            registry,
            faults,
            clock,
            tap,
            model: await loadModel('dynamodb'),
            region,
            account: ACCOUNT_ID,
            iam,
            tables: [{ name: BROKER_CACHE_TABLE, hashKey: 'pk' }],
          }),
          timers,
        ),
        ports.dynamodb,
      ),
    );
  } catch (error) {
    await Promise.all(servers.map((s) => s.stop()));
    throw error;
  }
  const [ws, sts, sso, ssoOidc, idp, samlIdp, dynamodb] = servers as [
    RunningServer,
    RunningServer,
    RunningServer,
    RunningServer,
    RunningServer,
    RunningServer,
    RunningServer,
  ];
  oidcIssuer = idp.url;
  ssoOidcUrl = ssoOidc.url;
  const provider = createIdp({
    issuer: oidcIssuer,
    clientId: OIDC_CLIENT_ID,
    users: DEMO_USERS,
    signingKey: privateJwk,
    ttl: options.tokenTtl,
    sessionTags,
    ...(options.idpQuirks ? { quirks: options.idpQuirks } : {}),
  });
  idpDispatch = idpHandler(provider, DEMO_USERS, faults, timers, options.idpQuirks, () => clock.now(), tap);

  const endpoints: EmulatorEndpoints = {
    workspaces: ws.url,
    sts: sts.url,
    sso: sso.url,
    ssoOidc: ssoOidc.url,
    oidcIssuer,
    samlIdp: samlIdp.url,
    dynamodb: dynamodb.url,
  };
  return {
    endpoints,
    region,
    demo: buildDemo(endpoints),
    clock,
    faults,
    iam,
    state: {
      ...createStateHelpers(store),
      setDurations: (durations) => {
        store.durations = { ...store.durations, ...durations };
      },
      denyDeviceAuthorization: (userCode) => idc.denyDevice(userCode),
      saml,
    },
    adminCredentials: { accessKeyId: ADMIN_KEY.accessKeyId, secretAccessKey: ADMIN_KEY.secretAccessKey },
    brokerCredentials: { accessKeyId: brokerKey.accessKeyId, secretAccessKey: brokerKey.secretAccessKey, sessionToken: brokerKey.sessionToken ?? '' },
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all(servers.map((s) => s.stop()));
    },
  };
}
