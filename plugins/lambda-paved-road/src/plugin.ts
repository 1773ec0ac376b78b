import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { lambdaPavedRoadApiRef, LambdaPavedRoadClient } from './api';

/** The Deployments tab's route. @public */
export const lambdaDeploymentsRouteRef = createRouteRef({
  id: 'lambda-paved-road:deployments',
});

/**
 * The Lambda Paved Road frontend plugin (legacy frontend system).
 * @public
 */
export const lambdaPavedRoadPlugin = createPlugin({
  id: 'lambda-paved-road',
  apis: [
    createApiFactory({
      api: lambdaPavedRoadApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new LambdaPavedRoadClient(deps),
    }),
  ],
  routes: { deployments: lambdaDeploymentsRouteRef },
});

/**
 * The Deployments tab for `EntityLayout.Route` (legacy frontend system).
 * @public
 */
export const EntityLambdaDeploymentsContent = lambdaPavedRoadPlugin.provide(
  createRoutableExtension({
    name: 'EntityLambdaDeploymentsContent',
    component: () =>
      import('./components/EntityLambdaDeploymentsContent').then(
        m => m.EntityLambdaDeploymentsContent,
      ),
    mountPoint: lambdaDeploymentsRouteRef,
  }),
);

/**
 * The overview card, one line per environment (legacy frontend system).
 * @public
 */
export const EntityLambdaDeploymentsCard = lambdaPavedRoadPlugin.provide(
  createComponentExtension({
    name: 'EntityLambdaDeploymentsCard',
    component: {
      lazy: () =>
        import('./components/EntityLambdaDeploymentsCard').then(
          m => m.EntityLambdaDeploymentsCard,
        ),
    },
  }),
);
