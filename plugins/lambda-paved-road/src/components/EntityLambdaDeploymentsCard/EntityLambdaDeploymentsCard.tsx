import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Warning from '@material-ui/icons/Warning';
import {
  getLambdaAppName,
  LAMBDA_APP_ANNOTATION,
  type EnvironmentDeployment,
} from '@lambda-paved-road/plugin-lambda-paved-road-common';
import { StatusError } from '@backstage/core-components';
import { useDeployments } from '../useDeployments';
import { RefreshControl } from '../RefreshControl';
import { RunStatusLabel } from '../../lib/status';
import { shortSha, timeAgo } from '../../lib/format';
import { errorTitle } from '../../lib/errorHints';
import { loadErrorTitle } from '../EntityLambdaDeploymentsContent/EntityLambdaDeploymentsContent';

const useStyles = makeStyles(theme => ({
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    alignItems: 'baseline',
  },
  env: { minWidth: 48, fontWeight: theme.typography.fontWeightBold as number },
  mono: { fontFamily: 'monospace' },
}));

/** "dev  ✓ Succeeded · 5555555 · version 5 · 2 hours ago", or what failed. */
function EnvironmentLine({ env }: { env: EnvironmentDeployment }) {
  const classes = useStyles();
  const latest = env.pipeline.ok ? env.pipeline.data.executions[0] : undefined;
  const failures = (['pipeline', 'images', 'function'] as const)
    .map(source => env[source])
    .flatMap(r => (r.ok ? [] : [r.error]));
  return (
    <ListItem
      disableGutters
      className={classes.line}
      data-testid={`card-${env.environment}`}
    >
      <span className={classes.env}>{env.environment}</span>
      {latest ? (
        <RunStatusLabel status={latest.status} />
      ) : (
        env.pipeline.ok && <Typography variant="body2">no runs yet</Typography>
      )}
      {env.derived.liveCommit && (
        <span className={classes.mono}>
          {shortSha(env.derived.liveCommit.sha)}
        </span>
      )}
      {env.derived.liveVersion && (
        <Typography variant="body2">
          version {env.derived.liveVersion}
        </Typography>
      )}
      {env.function.ok && env.function.data.lastModified && (
        <Typography variant="body2" color="textSecondary">
          {timeAgo(env.function.data.lastModified)}
        </Typography>
      )}
      {env.derived.imageDrift && (
        <Typography variant="body2">
          <Warning fontSize="inherit" aria-hidden /> drift
        </Typography>
      )}
      {failures.length > 0 && (
        <StatusError>
          {[...new Set(failures.map(errorTitle))].join(', ')} (see Deployments
          tab)
        </StatusError>
      )}
    </ListItem>
  );
}

/**
 * The overview card: one compact line per environment.
 * @public
 */
export function EntityLambdaDeploymentsCard() {
  const { entity } = useEntity();
  if (!getLambdaAppName(entity)) {
    return (
      <InfoCard title="Deployments">
        <MissingAnnotationEmptyState annotation={LAMBDA_APP_ANNOTATION} />
      </InfoCard>
    );
  }
  return <AnnotatedCard />;
}

function AnnotatedCard() {
  const { entity } = useEntity();
  const state = useDeployments(entity);
  const { value, error, loading } = state;
  let body;
  if (value) {
    body = (
      <List dense disablePadding aria-label="Deployments by environment">
        {value.environments.map(env => (
          <EnvironmentLine key={env.environment} env={env} />
        ))}
      </List>
    );
  } else if (error) {
    body = <ResponseErrorPanel error={error} title={loadErrorTitle(error)} />;
  } else if (loading) {
    body = <Progress />;
  }
  return (
    <InfoCard title="Deployments" action={<RefreshControl state={state} />}>
      {body}
    </InfoCard>
  );
}
