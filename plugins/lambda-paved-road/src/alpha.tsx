import { createFrontendPlugin } from '@backstage/frontend-plugin-api';

/**
 * The Lambda Paved Road plugin for the new frontend system.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'lambda-paved-road',
  extensions: [],
});
