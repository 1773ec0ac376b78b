import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { lambdaPavedRoadPlugin } from '../plugin';
import { LambdaAppNameField } from './LambdaAppNameField';
import { lambdaAppNameValidation } from './validation';

/**
 * The `LambdaAppName` form field (legacy frontend system): put it inside
 * `<ScaffolderFieldExtensions>` of the scaffolder route.
 * @public
 */
export const LambdaAppNameFieldExtension = lambdaPavedRoadPlugin.provide(
  createScaffolderFieldExtension({
    name: 'LambdaAppName',
    component: LambdaAppNameField,
    validation: lambdaAppNameValidation,
  }),
);
