import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { EntityDeployments } from '@lambda-paved-road/plugin-lambda-paved-road-common';

/** Reads an entity's deployments from the Lambda Paved Road backend. @public */
export interface LambdaPavedRoadApi {
  getDeployments(
    entityRef: CompoundEntityRef,
    options?: { signal?: AbortSignal },
  ): Promise<EntityDeployments>;
}

/** @public */
export const lambdaPavedRoadApiRef = createApiRef<LambdaPavedRoadApi>({
  id: 'plugin.lambda-paved-road.service',
});
