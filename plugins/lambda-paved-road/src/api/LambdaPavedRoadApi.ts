import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { EntityDeployments } from '@lambda-paved-road/plugin-lambda-paved-road-common';

/** Reads an entity's deployments from the Lambda Paved Road backend, and starts its pipelines. @public */
export interface LambdaPavedRoadApi {
  getDeployments(
    entityRef: CompoundEntityRef,
    options?: { signal?: AbortSignal },
  ): Promise<EntityDeployments>;
  /** Starts a run of the environment's pipeline (the tip of its branch); resolves to the run's id. */
  startPipeline(
    entityRef: CompoundEntityRef,
    environment: string,
  ): Promise<{ pipelineExecutionId: string }>;
}

/** @public */
export const lambdaPavedRoadApiRef = createApiRef<LambdaPavedRoadApi>({
  id: 'plugin.lambda-paved-road.service',
});
