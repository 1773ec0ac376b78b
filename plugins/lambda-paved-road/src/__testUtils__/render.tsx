import { ReactNode } from 'react';
import { act } from '@testing-library/react';
import { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import { alertApiRef, configApiRef } from '@backstage/core-plugin-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type { EntityDeployments } from '@lambda-paved-road/plugin-lambda-paved-road-common';
import { LambdaPavedRoadApi, lambdaPavedRoadApiRef } from '../api';

/** App config for a test, as `mockApis.config` takes it. */
export type TestConfig = NonNullable<
  NonNullable<Parameters<typeof mockApis.config>[0]>['data']
>;

export const helloApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'hello-api',
    namespace: 'default',
    annotations: { 'lambda-paved-road.io/app': 'hello-api' },
  },
  spec: { type: 'service', owner: 'platform-team', lifecycle: 'production' },
};

/** A fake API whose answers the test controls; counts the calls and records pipeline starts. */
export function fakeApi(
  answer: () => Promise<EntityDeployments>,
  startAnswer: () => Promise<{ pipelineExecutionId: string }> = async () => ({
    pipelineExecutionId: 'run-new',
  }),
) {
  const api: LambdaPavedRoadApi & {
    calls: number;
    started: Array<{ entityRef: CompoundEntityRef; environment: string }>;
  } = {
    calls: 0,
    started: [],
    getDeployments: async () => {
      api.calls += 1;
      return answer();
    },
    startPipeline: async (entityRef, environment) => {
      api.started.push({ entityRef, environment });
      return startAnswer();
    },
  };
  return api;
}

export function renderWithApi(
  element: ReactNode,
  options: {
    api: LambdaPavedRoadApi;
    entity?: Entity;
    config?: TestConfig;
    /** What the permission policy answers (default: allow). */
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    alerts?: { post: (alert: { message: string; severity?: string }) => void };
  },
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [lambdaPavedRoadApiRef, options.api],
        [configApiRef, mockApis.config({ data: options.config ?? {} })],
        [
          permissionApiRef,
          mockApis.permission({
            authorize: options.permission ?? AuthorizeResult.ALLOW,
          }),
        ],
        ...(options.alerts
          ? [[alertApiRef, options.alerts] as [typeof alertApiRef, any]]
          : []),
      ]}
    >
      <EntityProvider entity={options.entity ?? helloApi}>
        {element}
      </EntityProvider>
    </TestApiProvider>,
  );
}

/**
 * Polls `query` inside `act()`, so React flushes pending updates itself.
 * Testing Library's `findBy*` waits outside act and relies on React's
 * scheduler, which in this jsdom setup sometimes stopped running updates
 * after an earlier test in the same file.
 */
export async function findInAct<T>(
  query: () => T,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await act(async () => {
      await new Promise(resolve => setTimeout(resolve, 20));
    });
    try {
      return query();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}
