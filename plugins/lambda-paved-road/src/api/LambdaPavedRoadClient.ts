import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { EntityDeployments } from '@lambda-paved-road/plugin-lambda-paved-road-common';
import type { LambdaPavedRoadApi } from './LambdaPavedRoadApi';

/** Talks to the `lambda-paved-road` backend plugin. @public */
export class LambdaPavedRoadClient implements LambdaPavedRoadApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getDeployments(
    entityRef: CompoundEntityRef,
    options?: { signal?: AbortSignal },
  ): Promise<EntityDeployments> {
    const res = await this.fetchApi.fetch(
      `${await this.entityUrl(entityRef)}/deployments`,
      { signal: options?.signal },
    );
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return (await res.json()) as EntityDeployments;
  }

  async startPipeline(
    entityRef: CompoundEntityRef,
    environment: string,
  ): Promise<{ pipelineExecutionId: string }> {
    const res = await this.fetchApi.fetch(
      `${await this.entityUrl(entityRef)}/environments/${encodeURIComponent(
        environment,
      )}/pipeline/start`,
      { method: 'POST' },
    );
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return (await res.json()) as { pipelineExecutionId: string };
  }

  private async entityUrl(entityRef: CompoundEntityRef): Promise<string> {
    const baseUrl = await this.discoveryApi.getBaseUrl('lambda-paved-road');
    // Kind and namespace are case-insensitive in the catalog; send them
    // lowercased so the backend's cache key is the same for every caller.
    const path = [
      entityRef.namespace.toLocaleLowerCase('en-US'),
      entityRef.kind.toLocaleLowerCase('en-US'),
      entityRef.name,
    ]
      .map(encodeURIComponent)
      .join('/');
    return `${baseUrl}/entity/${path}`;
  }
}
