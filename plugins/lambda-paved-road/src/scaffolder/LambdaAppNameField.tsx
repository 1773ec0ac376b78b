import { useMemo } from 'react';
import TextField from '@material-ui/core/TextField';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { maxAppNameLength } from '@lambda-paved-road/plugin-lambda-paved-road-common';
import { appNameProblems, environmentsOf } from './validation';

/**
 * The app name input: checks the naming rules of -common as the user types
 * and names the rule a name breaks, with the limit the configured
 * environments allow.
 */
export const LambdaAppNameField = (
  props: FieldExtensionComponentProps<string>,
) => {
  const {
    onChange,
    rawErrors = [],
    required,
    formData,
    schema,
    idSchema,
  } = props;
  const config = useApi(configApiRef);
  const environments = useMemo(() => environmentsOf(config), [config]);
  const value = formData ?? '';
  const problems = value ? appNameProblems(value, environments) : [];
  const errors = problems.length > 0 ? problems : rawErrors;
  const limit =
    environments.length > 0 ? maxAppNameLength(environments) : undefined;
  const hint = [schema.description, limit && `At most ${limit} characters.`]
    .filter(Boolean)
    .join(' ');

  return (
    <TextField
      id={idSchema?.$id}
      label={schema.title ?? 'Name'}
      value={value}
      required={required}
      fullWidth
      margin="normal"
      error={errors.length > 0}
      helperText={
        errors.length > 0 ? (
          // One rule per line: several broken rules must not read as one sentence.
          <>
            {errors.map(message => (
              <span key={message} style={{ display: 'block' }}>
                {message}
              </span>
            ))}
          </>
        ) : (
          hint
        )
      }
      inputProps={{ 'aria-label': schema.title ?? 'Name', spellCheck: false }}
      onChange={e => onChange(e.target.value)}
    />
  );
};
