import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { isLambdaPavedRoadAvailable } from '@lambda-paved-road/plugin-lambda-paved-road-common';
import { lambdaPavedRoadApiRef, LambdaPavedRoadClient } from './api';
import { lambdaAppNameFormField } from './scaffolder/alpha';

/** The client of the deployments API. @alpha */
export const lambdaPavedRoadApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: lambdaPavedRoadApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new LambdaPavedRoadClient(deps),
    }),
});

/**
 * The Deployments tab, on entities with the `lambda-paved-road.io/app`
 * annotation. Lazy: its code is a chunk of its own.
 * @alpha
 */
export const lambdaDeploymentsEntityContent = EntityContentBlueprint.make({
  name: 'deployments',
  params: {
    path: 'deployments',
    title: 'Deployments',
    filter: isLambdaPavedRoadAvailable,
    loader: () =>
      import('./components/EntityLambdaDeploymentsContent').then(m => (
        <m.EntityLambdaDeploymentsContent />
      )),
  },
});

/**
 * The overview card, one line per environment, on annotated entities.
 * @alpha
 */
export const lambdaDeploymentsEntityCard = EntityCardBlueprint.make({
  name: 'deployments',
  params: {
    filter: isLambdaPavedRoadAvailable,
    loader: () =>
      import('./components/EntityLambdaDeploymentsCard').then(m => (
        <m.EntityLambdaDeploymentsCard />
      )),
  },
});

/**
 * The Lambda Paved Road plugin for the new frontend system.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'lambda-paved-road',
  extensions: [
    lambdaPavedRoadApi,
    lambdaDeploymentsEntityContent,
    lambdaDeploymentsEntityCard,
    lambdaAppNameFormField,
  ],
});
