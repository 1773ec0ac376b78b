import type {
  EntityDeployments,
  EnvironmentDeployment,
} from '@lambda-paved-road/plugin-lambda-paved-road-common';

/**
 * Whether anything was ever deployed to an environment: a pipeline run or an
 * image in its ECR repository. Provisioning alone publishes a placeholder
 * version behind the alias; that is not a deployment.
 */
export function hasDeployment(env: EnvironmentDeployment): boolean {
  return (
    !!env.derived.liveCommit ||
    (env.images.ok && env.images.data.images.length > 0) ||
    (env.pipeline.ok && env.pipeline.data.executions.length > 0)
  );
}

/**
 * True when no environment has anything to show yet (failed sources count
 * as "nothing seen", so an all-failing page is not mistaken for an empty one
 * unless nothing at all could be read).
 */
export function isNothingDeployed(deployments: EntityDeployments): boolean {
  return (
    deployments.environments.every(env => !hasDeployment(env)) &&
    deployments.environments.some(env => env.pipeline.ok || env.images.ok)
  );
}
