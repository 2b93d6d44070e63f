import { DEFAULT_OWNER_TAG_KEY } from '@shared/iam/kit-policy';
import type { StoreSeed } from './workspaces/store';
import type { BundleRecord, DirectoryRecord, WorkspaceProps, WorkspaceRecord, WorkspaceState } from './workspaces/types';

/** A seeded test user of the identity provider and Identity Center (demo passwords, not secrets). */
export interface DemoUser {
  readonly username: string;
  readonly password: string;
  readonly email: string;
  readonly name: string;
  /** What the seed gives this user, for humans reading the start-up line. */
  readonly description: string;
}

export const ACCOUNT_ID = '123456789012';
export const DEMO_ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/DeskbridgeDemo`;
export const IDC_ROLE_NAME = 'DeskbridgeUser';
/** The role Identity Center creates for the permission set (its sessions are assumed-role/AWSReservedSSO_…). */
export const IDC_ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/AWSReservedSSO_${IDC_ROLE_NAME}_0123456789abcdef`;
export const OIDC_CLIENT_ID = 'deskbridge-desktop';

export const DIRECTORY_FULL = 'd-906700a001';
export const DIRECTORY_RESTRICTED = 'd-906700b002';
export const CODE_FULL = 'SLiad+DEMO01';
export const CODE_RESTRICTED = 'SLiad+DEMO02';
/** The owner tag of the demo account, as the kit deploys it and `npm run admin -- tag-owners` sets it. */
export const OWNER_TAG_KEY = DEFAULT_OWNER_TAG_KEY;

export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'alice',
    password: 'alice-demo-pass',
    email: 'alice@example.com',
    name: 'Alice Example',
    description: 'one desktop in each of the 17 states, plus two in the restricted directory',
  },
  { username: 'nobody', password: 'nobody-demo-pass', email: 'nobody@example.com', name: 'Nobody Example', description: 'no desktops' },
  // 64 characters: one more than DescribeWorkspaces accepts as a UserName.
  {
    username: 'maximilian.mustermann-schmidt.external-contract@corp.example.com',
    password: 'longname-demo-pass',
    email: 'longname@example.com',
    name: 'Long Name Example',
    description: 'a user name longer than AWS WorkSpaces accepts',
  },
  { username: 'bulk', password: 'bulk-demo-pass', email: 'bulk@example.com', name: 'Bulk Example', description: '2,500 desktops (benchmarks)' },
  {
    username: 'bob',
    password: 'bob-demo-pass',
    email: 'bob@example.com',
    name: 'Bob Example',
    description: 'two desktops in the OIDC directory (alice may list them, not act on them)',
  },
];

export const BUNDLES: readonly BundleRecord[] = [
  {
    id: 'wsb-standard01',
    name: 'Standard with Windows 11',
    description: 'Standard bundle',
    computeType: 'STANDARD',
    rootCapacity: '80',
    userCapacity: '50',
    imageId: 'wsi-win11std01',
  },
  {
    id: 'wsb-perform001',
    name: 'Performance with Windows 11',
    description: 'Performance bundle',
    computeType: 'PERFORMANCE',
    rootCapacity: '175',
    userCapacity: '100',
    imageId: 'wsi-win11prf01',
  },
  {
    id: 'wsb-ubuntu0001',
    name: 'Standard with Ubuntu 22.04',
    description: 'Linux bundle',
    computeType: 'STANDARD',
    rootCapacity: '80',
    userCapacity: '50',
    imageId: 'wsi-ubuntu2201',
  },
  {
    id: 'wsb-custom0001',
    name: 'Engineering (custom)',
    description: 'A custom bundle of the demo account',
    computeType: 'POWER',
    rootCapacity: '175',
    userCapacity: '100',
    imageId: 'wsi-custom0001',
    owner: ACCOUNT_ID,
  },
];

const DIRECTORIES: readonly DirectoryRecord[] = [
  {
    id: DIRECTORY_FULL,
    name: 'corp.example.com',
    alias: 'deskbridge-demo',
    registrationCode: CODE_FULL,
    directoryType: 'SIMPLE_AD',
    samlEnabled: false,
    selfservice: {
      RestartWorkspace: 'ENABLED',
      IncreaseVolumeSize: 'ENABLED',
      ChangeComputeType: 'ENABLED',
      SwitchRunningMode: 'ENABLED',
      RebuildWorkspace: 'ENABLED',
    },
  },
  {
    id: DIRECTORY_RESTRICTED,
    name: 'restricted.example.com',
    alias: 'deskbridge-restricted',
    registrationCode: CODE_RESTRICTED,
    directoryType: 'AD_CONNECTOR',
    samlEnabled: true,
    selfservice: {
      RestartWorkspace: 'ENABLED',
      IncreaseVolumeSize: 'DISABLED',
      ChangeComputeType: 'DISABLED',
      SwitchRunningMode: 'DISABLED',
      RebuildWorkspace: 'DISABLED',
    },
  },
];

interface Spec {
  readonly state: WorkspaceState;
  readonly name: string;
  readonly props?: Partial<WorkspaceProps>;
  readonly error?: readonly [code: string, message: string];
  readonly vnc?: boolean;
}

// Every one of the 17 states, so the UI can show each; transitional ones are held (no timer).
const ALICE: readonly Spec[] = [
  { state: 'AVAILABLE', name: 'Linux-VNC', vnc: true, props: { operatingSystemName: 'UBUNTU_22_04', protocols: ['WSP'] } },
  {
    state: 'AVAILABLE',
    name: 'Design-PC',
    props: { runningMode: 'ALWAYS_ON', computeTypeName: 'PERFORMANCE', rootVolumeSizeGib: 175, userVolumeSizeGib: 100 },
  },
  { state: 'STOPPED', name: 'Daily-AutoStop' },
  { state: 'STOPPED', name: 'Manual-Stopped', props: { runningMode: 'MANUAL' } },
  { state: 'UNHEALTHY', name: 'Unhealthy-PC', error: ['WorkspaceUnhealthy', 'The WorkSpace is not responding to health checks.'] },
  { state: 'IMPAIRED', name: 'Impaired-PC' },
  { state: 'REBOOTING', name: 'Rebooting-PC' },
  { state: 'STARTING', name: 'Starting-PC' },
  { state: 'REBUILDING', name: 'Rebuilding-PC' },
  { state: 'RESTORING', name: 'Restoring-PC' },
  { state: 'MAINTENANCE', name: 'Maintenance-PC' },
  { state: 'ADMIN_MAINTENANCE', name: 'AdminMaint-PC' },
  { state: 'PENDING', name: 'Pending-PC' },
  { state: 'UPDATING', name: 'Updating-PC' },
  { state: 'STOPPING', name: 'Stopping-PC' },
  { state: 'SUSPENDED', name: 'Suspended-PC' },
  {
    state: 'ERROR',
    name: 'Error-PC',
    error: ['ResourceLimitExceeded.CoresLimit', 'The WorkSpace could not be created because the account core limit was reached.'],
  },
  { state: 'TERMINATING', name: 'Terminating-PC' },
  { state: 'TERMINATED', name: 'Terminated-PC' },
];

const ALICE_RESTRICTED: readonly Spec[] = [
  { state: 'AVAILABLE', name: 'Restricted-PC' },
  { state: 'STOPPED', name: 'Restricted-AutoStop' },
];

const BOB: readonly Spec[] = [
  { state: 'AVAILABLE', name: 'Bob-PC' },
  { state: 'STOPPED', name: 'Bob-AutoStop' },
];

const BASE_PROPS: WorkspaceProps = {
  runningMode: 'AUTO_STOP',
  autoStopTimeoutMinutes: 60,
  rootVolumeSizeGib: 80,
  userVolumeSizeGib: 50,
  computeTypeName: 'STANDARD',
  protocols: ['WSP'],
  operatingSystemName: 'WINDOWS_11',
};

export interface SeedOptions {
  readonly now: number;
  /** The deskbridge:connect tag value of the VNC desktop. */
  readonly vncAddress: string;
  /** How many desktops "bulk" gets (2,500 by default). */
  readonly bulkCount?: number;
  /** Spread the bulk desktops over this many users (bulk-00000, bulk-00001, …) instead of "bulk" alone. */
  readonly bulkUsers?: number;
}

function workspace(id: string, directoryId: string, userName: string, index: number, spec: Spec, options: SeedOptions): WorkspaceRecord {
  const props = { ...BASE_PROPS, ...spec.props };
  return {
    id,
    directoryId,
    userName,
    workspaceName: spec.name,
    bundleId: props.operatingSystemName === 'UBUNTU_22_04' ? 'wsb-ubuntu0001' : props.computeTypeName === 'PERFORMANCE' ? 'wsb-perform001' : 'wsb-standard01',
    computerName: `EC2AMAZ-${(index + 1000).toString(36).toUpperCase().padStart(7, '0')}`,
    ipAddress: `10.0.${Math.floor(index / 250) % 250}.${(index % 250) + 4}`,
    subnetId: 'subnet-0a1b2c3d',
    state: spec.state,
    stateSince: options.now,
    errorCode: spec.error?.[0],
    errorMessage: spec.error?.[1],
    props,
    // Every seeded desktop carries the kit's owner tag, as `npm run admin -- tag-owners` sets it.
    tags: [
      spec.vnc === true ? { Key: 'deskbridge:connect', Value: options.vncAddress } : { Key: 'team', Value: 'demo' },
      { Key: OWNER_TAG_KEY, Value: userName },
    ],
    connection: spec.state === 'AVAILABLE' ? 'DISCONNECTED' : spec.state === 'STOPPED' ? 'DISCONNECTED' : 'UNKNOWN',
    lastUserConnectionAt: spec.state === 'AVAILABLE' || spec.state === 'STOPPED' ? options.now - 86_400_000 : undefined,
    idleSince: options.now,
  };
}

const pad = (n: number, width: number): string => n.toString(36).padStart(width, '0');

export function seedStore(options: SeedOptions): StoreSeed {
  const workspaces: WorkspaceRecord[] = [];
  ALICE.forEach((spec, i) => workspaces.push(workspace(`ws-alice${pad(i, 4)}`, DIRECTORY_FULL, 'alice', i, spec, options)));
  ALICE_RESTRICTED.forEach((spec, i) => workspaces.push(workspace(`ws-alicr${pad(i, 4)}`, DIRECTORY_RESTRICTED, 'alice', 100 + i, spec, options)));
  BOB.forEach((spec, i) => workspaces.push(workspace(`ws-bob0${pad(i, 4)}`, DIRECTORY_FULL, 'bob', 150 + i, spec, options)));
  const bulkCount = options.bulkCount ?? 2500;
  for (let i = 0; i < bulkCount; i += 1) {
    const state: WorkspaceState = i % 10 === 0 ? 'STOPPED' : i % 97 === 0 ? 'UNHEALTHY' : 'AVAILABLE';
    const spec: Spec = { state, name: `Bulk-${i.toString().padStart(4, '0')}` };
    const owner = options.bulkUsers === undefined ? 'bulk' : bulkUserName(i % options.bulkUsers);
    workspaces.push(workspace(`ws-bulk${pad(i, 5)}`, DIRECTORY_FULL, owner, 200 + i, spec, options));
  }
  return { directories: DIRECTORIES, bundles: BUNDLES, workspaces };
}

/** The broker's execution role (broker mode) and the Lambda session its credentials belong to. */
export const BROKER_ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/DeskbridgeBroker`;
export const BROKER_SESSION_ARN = `arn:aws:sts::${ACCOUNT_ID}:assumed-role/DeskbridgeBroker/deskbridge-broker`;
/** The broker's shared sweep cache table (DynamoDB), when the kit creates it. */
export const BROKER_CACHE_TABLE = 'DeskbridgeBrokerCache';

/** The user name of the n-th bulk user when the bulk desktops are spread over many users. */
export function bulkUserName(n: number): string {
  return `bulk-${n.toString().padStart(5, '0')}`;
}
