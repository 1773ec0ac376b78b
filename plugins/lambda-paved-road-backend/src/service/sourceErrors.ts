import type {
  SourceError,
  SourceErrorCode,
} from '@lambda-paved-road/plugin-lambda-paved-road-common';

/** What a source was reading when it failed, for the message. */
export interface SourceTarget {
  /** E.g. `CodePipeline pipeline "hello-api-dev"`. */
  what: string;
  accountId: string;
  region: string;
  /** The role the backend assumed there, if known. */
  roleArn?: string;
}

/** Thrown by a source when what it reads is absent (AWS sometimes answers empty). */
export class SourceNotFoundError extends Error {
  readonly name = 'SourceNotFoundError';
}

const ACCESS_DENIED = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'AuthorizationError',
  'UnauthorizedOperation',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'ExpiredTokenException',
  'ExpiredToken',
  'CredentialsProviderError',
]);
const NOT_FOUND = new Set([
  'ResourceNotFoundException',
  'RepositoryNotFoundException',
  'PipelineNotFoundException',
  'TargetGroupNotFound',
  'TargetGroupNotFoundException',
  'SourceNotFoundError',
]);
const THROTTLED = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'ThrottledException',
  'RequestLimitExceeded',
  'RequestThrottled',
]);
const TIMEOUT = new Set(['TimeoutError', 'AbortError', 'RequestTimeout', 'ETIMEDOUT']);
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
const NOT_SUPPORTED = new Set(['UnknownOperationException', 'InvalidAction', 'NotImplemented']);

function codeOf(e: any): SourceErrorCode {
  const name: string = e?.name ?? '';
  const errno: string = e?.code ?? e?.cause?.code ?? '';
  const status: number | undefined = e?.$metadata?.httpStatusCode;
  if (ACCESS_DENIED.has(name) || status === 403) return 'ACCESS_DENIED';
  if (NOT_FOUND.has(name) || status === 404) return 'NOT_FOUND';
  if (THROTTLED.has(name) || status === 429) return 'THROTTLED';
  if (TIMEOUT.has(name) || TIMEOUT.has(errno)) return 'TIMEOUT';
  if (UNREACHABLE.has(errno) || /socket hang up|ECONNREFUSED|ECONNRESET/.test(String(e?.message))) {
    return 'UNREACHABLE';
  }
  if (NOT_SUPPORTED.has(name) || status === 501) return 'NOT_SUPPORTED';
  return 'UNKNOWN';
}

/**
 * Turns whatever a source threw into a typed error whose message says what
 * failed where and what to do about it. Never includes credentials: only the
 * AWS error's name and message, which AWS keeps free of secrets.
 */
export function toSourceError(e: unknown, target: SourceTarget, timeoutMs: number): SourceError {
  const err = e as any;
  const code = codeOf(err);
  const where = `${target.what} in account ${target.accountId} (${target.region})`;
  const role = target.roleArn ? `the role ${target.roleArn}` : `the backend's role in account ${target.accountId}`;
  const detail = err?.message ? ` AWS said: ${String(err.message).slice(0, 300)}` : '';
  const messages: Record<SourceErrorCode, string> = {
    ACCESS_DENIED: `Access denied reading ${where}. Give ${role} the read policy from the plugin README (or check aws.accounts in the app config).${detail}`,
    NOT_FOUND: `There is no ${where}. It is created when the app is provisioned for this environment; check the naming or the override annotations.`,
    THROTTLED: `AWS throttled reading ${where} after retrying with backoff. Try again in a moment.`,
    TIMEOUT: `Reading ${where} got no answer within ${timeoutMs} ms (per attempt, retried). AWS may be slow; try again.`,
    UNREACHABLE: `Could not reach AWS to read ${where}. Check the backend's network access to AWS (or AWS_ENDPOINT_URL).${detail}`,
    NOT_SUPPORTED: `This AWS endpoint does not support the call needed to read ${where}.${detail}`,
    NOT_CONFIGURED: `Reading ${where} is not configured.${detail}`,
    UNKNOWN: `Reading ${where} failed.${detail}`,
  };
  return {
    code,
    message: messages[code],
    accountId: target.accountId,
    awsErrorName: err?.name && err.name !== 'Error' ? err.name : undefined,
  };
}
