import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';

/**
 * The Lambda Paved Road backend: serves each entity's deployments across
 * environments.
 * @public
 */
export const lambdaPavedRoadPlugin = createBackendPlugin({
  pluginId: 'lambda-paved-road',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        const router = Router();
        router.get('/health', (_req, res) => {
          res.json({ status: 'ok' });
        });
        httpRouter.use(router);
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
