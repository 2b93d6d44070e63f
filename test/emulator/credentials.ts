import { randomBytes } from 'node:crypto';

/** Who a set of AWS credentials speaks for. What it may do is its identity's IAM policies (iam.ts). */
export interface Principal {
  readonly arn: string;
  readonly account: string;
  readonly userId: string;
  /** Session tags (aws:PrincipalTag/…), set the way STS sets them; absent for long-term keys. */
  readonly principalTags?: Readonly<Record<string, string>>;
  /** End-user sessions are bound by each directory's SelfservicePermissions; admins are not. */
  readonly endUser: boolean;
}

export interface AccessKey {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  /** Emulator-clock milliseconds; absent for long-term keys. */
  readonly expiresAt?: number;
  readonly principal: Principal;
}

/** One registry shared by STS, the SSO portal and the WorkSpaces endpoint. */
export interface CredentialRegistry {
  add(key: AccessKey): void;
  issueTemporary(principal: Principal, expiresAt: number): AccessKey;
  find(accessKeyId: string): AccessKey | undefined;
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function keyId(prefix: string): string {
  const bytes = randomBytes(16);
  let id = prefix;
  for (const byte of bytes) id += KEY_ALPHABET[byte % KEY_ALPHABET.length];
  return id;
}

export function createCredentialRegistry(): CredentialRegistry {
  const keys = new Map<string, AccessKey>();
  return {
    add(key) {
      keys.set(key.accessKeyId, key);
    },
    issueTemporary(principal, expiresAt) {
      const key: AccessKey = {
        // ASIA marks temporary keys, as AWS does.
        accessKeyId: keyId('ASIA'),
        secretAccessKey: randomBytes(30).toString('base64'),
        sessionToken: `IQoJb3JpZ2luX2VtdWxhdG9y${randomBytes(96).toString('base64')}`,
        expiresAt,
        principal,
      };
      keys.set(key.accessKeyId, key);
      return key;
    },
    find(accessKeyId) {
      return keys.get(accessKeyId);
    },
  };
}

/** The long-term administrator key tests may use; its user has an allow-everything policy (iam.ts). */
export const ADMIN_KEY: AccessKey = {
  accessKeyId: 'AKIAEMULATORADMIN001',
  secretAccessKey: 'emulator-admin-secret-key-0000000000000000',
  principal: {
    arn: 'arn:aws:iam::123456789012:user/emulator-admin',
    account: '123456789012',
    userId: 'AIDAEMULATORADMIN0001',
    endUser: false,
  },
};
