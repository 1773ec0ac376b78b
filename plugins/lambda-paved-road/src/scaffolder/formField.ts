import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { LambdaAppNameField } from './LambdaAppNameField';
import { lambdaAppNameValidation } from './validation';

/** The `LambdaAppName` field, loaded lazily by the new frontend system. */
export const LambdaAppNameFormField = createFormField({
  name: 'LambdaAppName',
  component: LambdaAppNameField,
  validation: lambdaAppNameValidation,
});
