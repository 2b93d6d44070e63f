import type { FailureKind } from '@shared/lib/polling-policy';
import type { AppError } from '@shared/ipc/result';
import type { AwsErrorCode } from '@shared/ipc/errors';
import { redact } from '../log/redact';
import { BrokerRequestError } from './broker-client';
import { failureCode, failureDetails, failureParams, networkFailureOf } from '../network/network-failure';

interface SdkLike {
  readonly name?: string;
  readonly code?: string;
  readonly message?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly $fault?: string;
}

const THROTTLED = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded']);
const AUTH = new Set([
  'ExpiredTokenException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'CredentialsProviderError',
  'SignInRequired',
]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

/** Sorts an SDK or network error into what the scheduler and the user need to know. */
export function classify(error: unknown): FailureKind {
  if (error instanceof BrokerRequestError) return error.kind;
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkLike;
  const name = e.name ?? '';
  const status = e.$metadata?.httpStatusCode;
  if (networkFailureOf(error) !== null) return 'network';
  if (THROTTLED.has(name)) return 'throttled';
  if (AUTH.has(name)) return 'auth';
  if (name === 'AccessDeniedException') return 'denied';
  if (status !== undefined && status >= 500) return 'server';
  if (name === 'TimeoutError' || name === 'RequestTimeout' || (e.code !== undefined && NETWORK_CODES.has(e.code))) return 'network';
  if (status === undefined && e.$fault === undefined && /socket|network|fetch failed|ECONN|timed? ?out/i.test(e.message ?? '')) return 'network';
  return 'other';
}

/** AWS's own words are kept for the details; the message is for people. Never contains a secret. */
export function describeFailure(error: unknown, context: { readonly orgName: string; readonly region: string | null }): AppError {
  if (error instanceof BrokerRequestError) return error.toAppError(context.orgName);
  const kind = classify(error);
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkLike;
  // AWS may echo the canonical request (x-amz-security-token and all): redacted before it is cut or shown.
  const awsMessage = e.message === undefined ? undefined : redact(e.message);
  const details = `${e.name ?? 'Error'}: ${awsMessage ?? redact(String(error))}`.slice(0, 500);
  switch (kind) {
    case 'throttled':
      return { code: 'desktops.throttled', message: 'AWS is limiting requests right now. Deskbridge will try again shortly.', details };
    case 'network': {
      const failure = networkFailureOf(error);
      const code = failure === null ? null : failureCode(failure);
      if (failure !== null && code !== null)
        return { code, message: failure.message, details: redact(failureDetails(failure)), params: failureParams(failure) };
      return {
        code: 'desktops.offline',
        message: `Deskbridge can’t reach AWS WorkSpaces${context.region ? ` in ${context.region}` : ''}. It keeps trying.`,
        details,
      };
    }
    case 'server':
      return { code: 'desktops.serverError', message: 'AWS WorkSpaces is not answering properly right now. Deskbridge will try again.', details };
    case 'auth':
      return {
        code: 'desktops.signInNeeded',
        message: `Your sign-in to ${context.orgName} has ended. Sign in again to see your desktops.`,
        details,
        params: { org: context.orgName },
      };
    case 'denied':
      return {
        code: 'desktops.denied',
        message: `Your organization’s AWS role doesn’t allow this. Ask your IT department to check the IAM policy for WorkSpaces.`,
        details,
      };
    default:
      return { code: awsErrorCode(e.name, awsMessage), message: plainAwsMessage(e.name, awsMessage), details };
  }
}

/** The closed code the renderer words for an AWS refusal (FailedRequests code or exception name). */
export function awsErrorCode(code: string | undefined, awsMessage: string | undefined): AwsErrorCode {
  switch (code) {
    case 'InvalidResourceState':
    case 'InvalidResourceStateException':
      return awsMessage?.includes('6-hour') || awsMessage?.includes('30 days') ? 'aws.changeTooSoon' : 'aws.InvalidResourceState';
    case 'UnsupportedOperation':
    case 'OperationNotSupportedException':
      return 'aws.UnsupportedOperation';
    case 'OperationInProgressException':
      return 'aws.OperationInProgress';
    case 'ResourceNotFound':
    case 'ResourceNotFoundException':
      return 'aws.ResourceNotFound';
    case 'UnsupportedWorkspaceConfigurationException':
      return 'aws.UnsupportedWorkspaceConfiguration';
    case 'InvalidParameterValuesException':
      return 'aws.InvalidParameterValues';
    case 'ResourceLimitExceededException':
      return 'aws.ResourceLimitExceeded';
    default:
      return 'aws.other';
  }
}

/** The errors a self-service action can meet, said plainly (FailedRequests codes and exceptions): for logs. */
export function plainAwsMessage(code: string | undefined, awsMessage: string | undefined): string {
  switch (code) {
    case 'InvalidResourceState':
    case 'InvalidResourceStateException':
      return awsMessage?.includes('6-hour') || awsMessage?.includes('30 days')
        ? `AWS refused: ${awsMessage}`
        : 'The desktop is not in a state that allows this right now. Wait until it has finished what it is doing, then try again.';
    case 'UnsupportedOperation':
    case 'OperationNotSupportedException':
      return 'AWS doesn’t support this for this desktop (for example, an AlwaysOn desktop can’t be started or stopped).';
    case 'OperationInProgressException':
      return 'Another change to this desktop is still in progress. Try again when it has finished.';
    case 'ResourceNotFound':
    case 'ResourceNotFoundException':
      return 'AWS no longer knows this desktop. It may have been removed by your administrator.';
    case 'UnsupportedWorkspaceConfigurationException':
      return 'This desktop’s configuration doesn’t allow that change.';
    case 'InvalidParameterValuesException':
      return `AWS refused the request: ${awsMessage ?? 'a value was not accepted.'}`;
    case 'ResourceLimitExceededException':
      return 'Your organization has reached an AWS limit. Ask your IT department.';
    default:
      return awsMessage ? `AWS reported a problem: ${awsMessage}` : 'AWS reported a problem it did not explain.';
  }
}
