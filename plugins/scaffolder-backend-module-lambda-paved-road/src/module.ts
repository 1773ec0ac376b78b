import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';

/**
 * Registers the Containerized Lambda application template's actions.
 * @public
 */
export const scaffolderModuleLambdaPavedRoad = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'lambda-paved-road',
  register(env) {
    env.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions();
      },
    });
  },
});
