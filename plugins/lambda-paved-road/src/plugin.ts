import { createPlugin } from '@backstage/core-plugin-api';

/**
 * The Lambda Paved Road frontend plugin (legacy frontend system).
 * @public
 */
export const lambdaPavedRoadPlugin = createPlugin({
  id: 'lambda-paved-road',
});
