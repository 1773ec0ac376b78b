import { ReactNode } from 'react';
import { StatusError } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type {
  EnvironmentDeployment,
  SourceResult,
} from '@lambda-paved-road/plugin-lambda-paved-road-common';
import { errorHint, errorTitle, SourceName } from '../lib/errorHints';

/**
 * Renders a source's data, or its error with a hint in place: one failing
 * account shows in its own cell and leaves the rest of the page intact.
 */
export function SourceCell<T>(props: {
  result: SourceResult<T>;
  source: SourceName;
  env: EnvironmentDeployment;
  children: (data: T) => ReactNode;
}) {
  const { result, source, env, children } = props;
  if (result.ok) return <>{children(result.data)}</>;
  const { error } = result;
  return (
    <div data-testid={`${env.environment}-${source}-error`}>
      <StatusError>{errorTitle(error)}</StatusError>
      <Typography variant="body2">{error.message}</Typography>
      <Typography variant="caption" color="textSecondary" component="p">
        {errorHint(source, error, env)}
      </Typography>
    </div>
  );
}
