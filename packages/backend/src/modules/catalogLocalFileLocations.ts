import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogLocationsExtensionPoint } from '@backstage/plugin-catalog-node';
import { readRepositoryMode } from '@lambda-paved-road/plugin-scaffolder-backend-module-lambda-paved-road';

/**
 * Lets the catalog API accept `file` locations when the template publishes
 * repositories on local disk (lambdaPavedRoad.repositories.mode `local`, the
 * local stack), so `lambda:catalog:register-local` can register them. With
 * GitHub the catalog keeps its default: `url` locations only.
 */
export const catalogModuleLocalFileLocations = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'lambda-paved-road-local-file-locations',
  register(env) {
    env.registerInit({
      deps: {
        locations: catalogLocationsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ locations, config, logger }) {
        if (readRepositoryMode(config) !== 'local') return;
        locations.setAllowedLocationTypes(['url', 'file']);
        logger.info(
          'Catalog accepts file locations: repositories are published on local disk',
        );
      },
    });
  },
});
