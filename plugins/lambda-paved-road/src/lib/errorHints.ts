import { ResponseError } from '@backstage/errors';
import type {
  SourceError,
  SourceErrorCode,
} from '@lambda-paved-road/plugin-lambda-paved-road-common';

/** The five sources of an environment, as the API names them. */
export type SourceName =
  | 'pipeline'
  | 'builds'
  | 'images'
  | 'function'
  | 'endpoint';

/** What each source reads, so an access-denied hint can name the actions. */
const READ_ACTIONS: Record<
  SourceName,
  { what: string; actions: string; account: 'deployments' | 'workloads' }
> = {
  pipeline: {
    what: 'CodePipeline',
    actions: 'codepipeline:ListPipelineExecutions, ListActionExecutions',
    account: 'deployments',
  },
  builds: {
    what: 'CodeBuild',
    // Build ids come from the pipeline's action executions.
    actions: 'codepipeline:ListActionExecutions, codebuild:BatchGetBuilds',
    account: 'deployments',
  },
  images: {
    what: 'ECR',
    actions: 'ecr:DescribeImages',
    account: 'workloads',
  },
  function: {
    what: 'Lambda',
    actions:
      'lambda:GetFunction, ListVersionsByFunction, ListAliases, ListTags',
    account: 'workloads',
  },
  endpoint: {
    what: 'the load balancer',
    actions: 'elasticloadbalancing:DescribeTargetHealth, DescribeTargetGroups',
    account: 'workloads',
  },
};

const TITLES: Record<SourceErrorCode, string> = {
  NOT_FOUND: 'Not found',
  ACCESS_DENIED: 'Access denied',
  THROTTLED: 'Throttled',
  UNREACHABLE: 'Unreachable',
  TIMEOUT: 'Timed out',
  NOT_SUPPORTED: 'Not supported',
  NOT_CONFIGURED: 'Not configured',
  UNKNOWN: 'Error',
};

/** A short label for the error code, shown next to the error icon. */
export function errorTitle(error: SourceError): string {
  return TITLES[error.code] ?? TITLES.UNKNOWN;
}

/**
 * What the user can do about a failed source. Access denied names the
 * account whose read role to check and the actions it needs.
 */
export function errorHint(
  source: SourceName,
  error: SourceError,
  env: {
    environment: string;
    deploymentsAccountId: string;
    workloadsAccountId: string;
  },
): string {
  const read = READ_ACTIONS[source];
  const account =
    error.accountId ??
    (read.account === 'deployments'
      ? env.deploymentsAccountId
      : env.workloadsAccountId);
  switch (error.code) {
    case 'ACCESS_DENIED':
      return `Check the read role the backend assumes in ${read.account} account ${account} (aws.accounts or aws.accountDefaults.roleName in app-config): it needs ${read.actions}.`;
    case 'NOT_FOUND':
      return `Nothing in ${read.what} for ${env.environment} in account ${account} yet: has this environment been provisioned?`;
    case 'THROTTLED':
      return `AWS throttled the calls to ${read.what} in account ${account}; the next refresh tries again.`;
    case 'UNREACHABLE':
    case 'TIMEOUT':
      return `The backend could not reach ${read.what} in ${account} (region or network); the next refresh tries again.`;
    case 'NOT_CONFIGURED':
      return `The backend has no configuration for this source in ${env.environment}; see lambdaPavedRoad in app-config.`;
    case 'NOT_SUPPORTED':
      return `${read.what} does not support this here.`;
    default:
      return 'The backend log has the details.';
  }
}

/** The backend's own message for a failed request ("not allowed to …"), not just the status line. */
export function backendMessage(error: Error): string {
  return (ResponseError.is(error) && error.cause?.message) || error.message;
}
