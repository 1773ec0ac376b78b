import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createCatalogRegisterLocalAction } from './actions/catalogRegisterLocal';
import { createGitPublishLocalAction } from './actions/gitPublishLocal';
import { createGithubEnvironmentBranchesAction } from './actions/githubEnvironmentBranches';
import { createResolveAppAction } from './actions/resolveApp';
import { createTerraformProvisionAction } from './actions/terraformProvision';

/**
 * Registers the Containerized Lambda application template's actions.
 * @public
 */
export const scaffolderModuleLambdaPavedRoad = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'lambda-paved-road',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
      },
      async init({ scaffolder, config, catalog }) {
        scaffolder.addActions(
          createResolveAppAction({ config }),
          createTerraformProvisionAction({ config }),
          createGitPublishLocalAction({ config }),
          createGithubEnvironmentBranchesAction({ config }),
          createCatalogRegisterLocalAction({ config, catalog }),
        );
      },
    });
  },
});
