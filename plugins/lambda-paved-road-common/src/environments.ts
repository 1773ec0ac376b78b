import type { Config } from '@backstage/config';
import { NamingEnvironment, validateEnvironmentName } from './naming';

/** One deployment environment of the paved road, as configured. @public */
export interface PavedRoadEnvironment extends NamingEnvironment {
  name: string;
  /** The git branch whose pushes deploy to this environment. */
  branch: string;
  /** Account that runs CodePipeline and CodeBuild for this environment. */
  deploymentsAccountId: string;
  /** Account that holds ECR, the Lambda function and the ALB. */
  workloadsAccountId: string;
  region: string;
  domain: string;
  production: boolean;
}

/** The promotion order used when environments are listed out of order. @public */
export const DEFAULT_ENVIRONMENT_ORDER = ['dev', 'test', 'stage', 'prod'];

/** Branches that deploy to production when no branch is configured. @public */
export const PRODUCTION_BRANCHES = ['main', 'prod'];

const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

/** Thrown when `lambdaPavedRoad` configuration is invalid. @public */
export class EnvironmentConfigError extends Error {
  readonly name = 'EnvironmentConfigError';
}

/**
 * Reads `lambdaPavedRoad.environments` in promotion order. The configured
 * order is the promotion order; `production` defaults to true for `prod`, and
 * `branch` defaults to `main` for production and the environment name
 * otherwise.
 * @public
 */
export function readEnvironments(config: Config): PavedRoadEnvironment[] {
  const root = config.getConfig('lambdaPavedRoad');
  const domain = root.getOptionalString('domain');
  const defaultRegion = root.getOptionalString('region');
  const list = root.getConfigArray('environments');
  if (list.length === 0) {
    throw new EnvironmentConfigError(
      'lambdaPavedRoad.environments must list at least one environment',
    );
  }
  const envs = list.map((c, i) => {
    const where = `lambdaPavedRoad.environments[${i}]`;
    const name = c.getString('name');
    const nameProblem = validateEnvironmentName(name)[0];
    if (nameProblem) {
      throw new EnvironmentConfigError(`${where}.name: ${nameProblem.message}`);
    }
    const production = c.getOptionalBoolean('production') ?? name === 'prod';
    const env: PavedRoadEnvironment = {
      name,
      branch: c.getOptionalString('branch') ?? (production ? 'main' : name),
      deploymentsAccountId: c.getString('deploymentsAccountId'),
      workloadsAccountId: c.getString('workloadsAccountId'),
      region: c.getOptionalString('region') ?? defaultRegion ?? '',
      domain: c.getOptionalString('domain') ?? domain ?? '',
      production,
    };
    for (const key of ['deploymentsAccountId', 'workloadsAccountId'] as const) {
      if (!ACCOUNT_ID.test(env[key])) {
        throw new EnvironmentConfigError(
          `${where}.${key} must be a 12-digit AWS account id, got "${env[key]}"`,
        );
      }
    }
    if (!REGION.test(env.region)) {
      throw new EnvironmentConfigError(
        `${where}.region must be an AWS region such as us-east-1 (set it here or as lambdaPavedRoad.region), got "${env.region}"`,
      );
    }
    if (!env.domain) {
      throw new EnvironmentConfigError(
        `${where}.domain is missing: set it here or as lambdaPavedRoad.domain`,
      );
    }
    return env;
  });
  for (const key of ['name', 'branch'] as const) {
    const seen = new Set<string>();
    for (const env of envs) {
      if (seen.has(env[key])) {
        throw new EnvironmentConfigError(
          `lambdaPavedRoad.environments: ${key} "${env[key]}" is used by more than one environment`,
        );
      }
      seen.add(env[key]);
    }
  }
  return envs;
}

/**
 * The environment a branch deploys to. `main` and `prod` both deploy to the
 * production environment unless a branch is configured explicitly.
 * @public
 */
export function environmentForBranch(
  branch: string,
  environments: PavedRoadEnvironment[],
): PavedRoadEnvironment | undefined {
  const exact = environments.find(e => e.branch === branch);
  if (exact) return exact;
  if (PRODUCTION_BRANCHES.includes(branch)) {
    return environments.find(e => e.production);
  }
  return undefined;
}

/** Picks environments by name, in promotion order; throws on an unknown name. @public */
export function selectEnvironments(
  environments: PavedRoadEnvironment[],
  names: string[] | undefined,
): PavedRoadEnvironment[] {
  if (!names || names.length === 0) return environments;
  const unknown = names.filter(n => !environments.some(e => e.name === n));
  if (unknown.length > 0) {
    throw new EnvironmentConfigError(
      `Unknown environment${unknown.length > 1 ? 's' : ''} ${unknown
        .map(n => `"${n}"`)
        .join(', ')}; configured: ${environments.map(e => e.name).join(', ')}`,
    );
  }
  return environments.filter(e => names.includes(e.name));
}
