import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { JsonObject } from '@backstage/types';
import { lambdaPavedRoadPlugin } from '../plugin';

/** Four environments, each with its own deployments and workloads account. */
export const TEST_ENVIRONMENTS = ['dev', 'test', 'stage', 'prod'].map((name, i) => ({
  name,
  deploymentsAccountId: `10000000000${i + 1}`,
  workloadsAccountId: `20000000000${i + 1}`,
}));

export const helloApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'hello-api',
    namespace: 'default',
    annotations: {
      'lambda-paved-road.io/app': 'hello-api',
      'lambda-paved-road.io/exposure': 'external',
    },
  },
  spec: { type: 'service', owner: 'platform-team', lifecycle: 'production' },
};

export const notAnApp: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'plain-service', namespace: 'default' },
  spec: { type: 'service', owner: 'platform-team', lifecycle: 'production' },
};

/** A real backend with the plugin; catalog and identity are in-memory mocks. */
export async function startPluginBackend(options: {
  config?: JsonObject;
  permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
} = {}) {
  return startTestBackend({
    features: [
      lambdaPavedRoadPlugin,
      mockServices.rootConfig.factory({
        data: {
          aws: { accountDefaults: { roleName: 'lambda-paved-road-reader' } },
          lambdaPavedRoad: {
            domain: 'paved-road.example.com',
            region: 'us-east-1',
            environments: TEST_ENVIRONMENTS,
            aws: { timeoutMs: 1000, maxAttempts: 3 },
            ...options.config,
          },
        },
      }),
      // No token, no caller (the mock's default would be a signed-in user).
      mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() }),
      catalogServiceMock.factory({ entities: [helloApi, notAnApp] }),
      mockServices.permissions.factory({ result: options.permission ?? AuthorizeResult.ALLOW }),
    ],
  });
}
