import type { EntityDeployments } from '@lambda-paved-road/plugin-lambda-paved-road-common';

/**
 * True when no environment has anything to show yet: no live commit or
 * version, no image and no pipeline run anywhere (failed sources count as
 * "nothing seen", so an all-failing page is not mistaken for an empty one
 * unless nothing at all could be read).
 */
export function isNothingDeployed(deployments: EntityDeployments): boolean {
  return (
    deployments.environments.every(
      env =>
        !env.derived.liveCommit &&
        !env.derived.liveVersion &&
        !(env.images.ok && env.images.data.images.length > 0) &&
        !(env.pipeline.ok && env.pipeline.data.executions.length > 0) &&
        !(env.function.ok && env.function.data.versions.length > 0),
    ) && deployments.environments.some(env => env.pipeline.ok || env.images.ok)
  );
}
