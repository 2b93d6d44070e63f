import type { BundleRecord, DirectoryRecord, WorkspaceRecord } from './types';

/** Records → the AWS output shapes (members named and typed as the model says). */

export function workspaceOut(ws: WorkspaceRecord): Record<string, unknown> {
  return {
    WorkspaceId: ws.id,
    DirectoryId: ws.directoryId,
    UserName: ws.userName,
    IpAddress: ws.ipAddress,
    State: ws.state,
    BundleId: ws.bundleId,
    SubnetId: ws.subnetId,
    ...(ws.errorCode === undefined ? {} : { ErrorCode: ws.errorCode }),
    ...(ws.errorMessage === undefined ? {} : { ErrorMessage: ws.errorMessage }),
    ComputerName: ws.computerName,
    UserVolumeEncryptionEnabled: false,
    RootVolumeEncryptionEnabled: false,
    ...(ws.workspaceName === undefined ? {} : { WorkspaceName: ws.workspaceName }),
    WorkspaceProperties: {
      RunningMode: ws.props.runningMode,
      ...(ws.props.runningMode === 'AUTO_STOP' ? { RunningModeAutoStopTimeoutInMinutes: ws.props.autoStopTimeoutMinutes ?? 60 } : {}),
      RootVolumeSizeGib: ws.props.rootVolumeSizeGib,
      UserVolumeSizeGib: ws.props.userVolumeSizeGib,
      ComputeTypeName: ws.props.computeTypeName,
      Protocols: ws.props.protocols,
      OperatingSystemName: ws.props.operatingSystemName,
    },
    ModificationStates: ws.modification === undefined ? [] : ws.modification.resources.map((Resource) => ({ Resource, State: 'UPDATE_IN_PROGRESS' })),
  };
}

export function directoryOut(d: DirectoryRecord, account: string): Record<string, unknown> {
  return {
    DirectoryId: d.id,
    Alias: d.alias,
    DirectoryName: d.name,
    WorkspaceDirectoryName: d.name,
    RegistrationCode: d.registrationCode,
    SubnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'],
    DnsIpAddresses: ['10.0.0.10', '10.0.1.10'],
    CustomerUserName: 'Administrator',
    IamRoleId: `arn:aws:iam::${account}:role/workspaces_DefaultRole`,
    DirectoryType: d.directoryType,
    WorkspaceSecurityGroupId: 'sg-0123456789abcdef0',
    State: 'REGISTERED',
    WorkspaceCreationProperties: {
      EnableInternetAccess: true,
      UserEnabledAsLocalAdministrator: true,
      EnableMaintenanceMode: true,
    },
    ipGroupIds: [],
    WorkspaceAccessProperties: {
      DeviceTypeWindows: 'ALLOW',
      DeviceTypeOsx: 'ALLOW',
      DeviceTypeWeb: 'ALLOW',
      DeviceTypeIos: 'ALLOW',
      DeviceTypeAndroid: 'ALLOW',
      DeviceTypeChromeOs: 'ALLOW',
      DeviceTypeZeroClient: 'DENY',
      DeviceTypeLinux: 'ALLOW',
      DeviceTypeWorkSpacesThinClient: 'DENY',
    },
    Tenancy: 'SHARED',
    SelfservicePermissions: d.selfservice,
    SamlProperties: d.samlEnabled
      ? { Status: 'ENABLED', UserAccessUrl: 'https://idp.example.com/saml/workspaces', RelayStateParameterName: 'RelayState' }
      : { Status: 'DISABLED' },
    CertificateBasedAuthProperties: { Status: 'DISABLED' },
    EndpointEncryptionMode: 'STANDARD_TLS',
    UserIdentityType: 'AWS_DIRECTORY_SERVICE',
    WorkspaceType: 'PERSONAL',
  };
}

export function bundleOut(b: BundleRecord, created: number): Record<string, unknown> {
  // The JSON 1.1 protocol sends timestamps as epoch seconds.
  return {
    BundleId: b.id,
    Name: b.name,
    Owner: b.owner ?? 'AMAZON',
    Description: b.description,
    ImageId: b.imageId,
    RootStorage: { Capacity: b.rootCapacity },
    UserStorage: { Capacity: b.userCapacity },
    ComputeType: { Name: b.computeType },
    LastUpdatedTime: created / 1000,
    CreationTime: created / 1000,
    State: 'AVAILABLE',
    BundleType: 'REGULAR',
  };
}
