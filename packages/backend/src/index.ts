/*
 * The local portal's backend: the standard Backstage plugins plus the Lambda
 * Paved Road backend and scaffolder module.
 */
import { createBackend } from '@backstage/backend-defaults';
import { catalogModuleLocalFileLocations } from './modules/catalogLocalFileLocations';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(catalogModuleLocalFileLocations);

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import(
    '@lambda-paved-road/plugin-scaffolder-backend-module-lambda-paved-road'
  ),
);

backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

backend.add(import('@lambda-paved-road/plugin-lambda-paved-road-backend'));

backend.start();
