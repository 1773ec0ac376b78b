import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  lambdaPavedRoadPermissions,
  readEnvironments,
} from '@lambda-paved-road/plugin-lambda-paved-road-common';
import { readBackendSettings } from './config';
import { createRouter } from './router';
import { AwsClientFactory } from './service/awsClients';
import { DefaultDeploymentsService } from './service/DeploymentsService';

/**
 * The Lambda Paved Road backend: serves each entity's deployments across
 * environments.
 * @public
 */
export const lambdaPavedRoadPlugin = createBackendPlugin({
  pluginId: 'lambda-paved-road',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        cache: coreServices.cache,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init({ httpRouter, httpAuth, config, logger, cache, permissions, permissionsRegistry, catalog }) {
        // Fail at startup, with the key at fault, rather than on the first view.
        const environments = readEnvironments(config);
        const settings = readBackendSettings(config);
        permissionsRegistry.addPermissions(lambdaPavedRoadPermissions);
        const deployments = new DefaultDeploymentsService({
          environments,
          clients: new AwsClientFactory({
            credentialsManager: DefaultAwsCredentialsManager.fromConfig(config),
            timeoutMs: settings.awsTimeoutMs,
            maxAttempts: settings.awsMaxAttempts,
          }),
          cache,
          logger,
          cacheTtlMs: settings.cacheTtlMs,
          stableCacheTtlMs: settings.stableCacheTtlMs,
          awsTimeoutMs: settings.awsTimeoutMs,
        });
        const router = await createRouter({ deployments, catalog, httpAuth, permissions });
        router.get('/health', (_req, res) => {
          res.json({ status: 'ok' });
        });
        httpRouter.use(router);
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        logger.info(`Serving deployments for ${environments.map(e => e.name).join(', ')}`);
      },
    });
  },
});
