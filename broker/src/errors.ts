import type { BrokerErrorCode } from '../../shared/broker/api';

const STATUS: Readonly<Record<BrokerErrorCode, number>> = {
  unauthorized: 401,
  'not-found': 404,
  'invalid-request': 400,
  'action-refused': 409,
  throttled: 429,
  'aws-unavailable': 502,
};

/** A refusal the handler sends as the contract's error body. */
export class BrokerFailure extends Error {
  override readonly name = 'BrokerFailure';
  constructor(
    readonly code: BrokerErrorCode,
    message: string,
    readonly extra: { readonly awsError?: string; readonly retryAfterSeconds?: number; readonly status?: number } = {},
  ) {
    super(message);
  }

  get status(): number {
    return this.extra.status ?? STATUS[this.code];
  }
}

interface SdkLike {
  readonly name?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

const THROTTLED = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded']);
/** AWS refusing the action itself (state, configuration, limits): the caller's 409. */
const REFUSED = new Set([
  'InvalidResourceStateException',
  'OperationNotSupportedException',
  'OperationInProgressException',
  'UnsupportedWorkspaceConfigurationException',
  'InvalidParameterValuesException',
  'ResourceLimitExceededException',
  'ResourceNotFoundException',
]);

/** An AWS SDK error → the contract's code. Access denied means the broker's role lacks a permission: IT's problem, a 502. */
export function fromAwsError(error: unknown): BrokerFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkLike;
  const name = e.name ?? 'Error';
  if (THROTTLED.has(name)) return new BrokerFailure('throttled', 'AWS is throttling the broker.', { retryAfterSeconds: 5 });
  if (REFUSED.has(name)) return new BrokerFailure('action-refused', `AWS refused the action (${name}).`, { awsError: name });
  if (name === 'AccessDeniedException')
    return new BrokerFailure('aws-unavailable', "The broker's role may not do this: check the kit's broker policy.", { awsError: name });
  const status = e.$metadata?.httpStatusCode;
  return new BrokerFailure('aws-unavailable', `AWS WorkSpaces failed (${name}).`, { status: status === 503 ? 503 : 502 });
}
