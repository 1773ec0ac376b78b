import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/**
 * The `LambdaAppName` form field for the new frontend system.
 * @alpha
 */
export const lambdaAppNameFormField = FormFieldBlueprint.make({
  name: 'lambda-app-name',
  params: {
    field: () => import('./formField').then(m => m.LambdaAppNameFormField),
  },
});
