import {
  Content,
  ContentHeader,
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import {
  getLambdaAppName,
  LAMBDA_APP_ANNOTATION,
  type EntityDeployments,
} from '@lambda-paved-road/plugin-lambda-paved-road-common';
import { useDeployments, type DeploymentsState } from '../useDeployments';
import { RefreshControl } from '../RefreshControl';
import { DeploymentsTable } from './DeploymentsTable';
import { EnvironmentDetails } from './EnvironmentDetails';
import { isNothingDeployed } from '../../lib/nothingDeployed';
import { backendMessage } from '../../lib/errorHints';

function NothingDeployedYet(props: { deployments: EntityDeployments }) {
  const first = props.deployments.environments[0];
  const pipeline = first?.pipeline.ok ? first.pipeline.data : undefined;
  return (
    <EmptyState
      missing="data"
      title={`Nothing deployed for ${props.deployments.app} yet`}
      description={
        <>
          The infrastructure is in place, but no pipeline has run. Push a commit
          to the <code>{first?.branch ?? 'dev'}</code> branch:{' '}
          {pipeline ? (
            <Link to={pipeline.consoleUrl}>{pipeline.name}</Link>
          ) : (
            'its pipeline'
          )}{' '}
          builds the image, pushes it to ECR and moves the Lambda alias. Then
          promote by merging into the next environment's branch (
          {props.deployments.environments.map(e => e.branch).join(' → ')}).
        </>
      }
    />
  );
}

/** The title of a failed load, with the backend's own message. */
export function loadErrorTitle(error: Error): string {
  return `Could not load the deployments: ${backendMessage(error)}`;
}

function DeploymentsView(props: { state: DeploymentsState }) {
  const { state } = props;
  const { value, error, loading } = state;
  if (!value) {
    if (loading) return <Progress />;
    if (error)
      return <ResponseErrorPanel error={error} title={loadErrorTitle(error)} />;
    return null;
  }
  return (
    <>
      {error && (
        <WarningPanel
          severity="warning"
          title="The last refresh failed; showing the previous data"
          message={loadErrorTitle(error)}
        />
      )}
      {isNothingDeployed(value) && <NothingDeployedYet deployments={value} />}
      <DeploymentsTable
        environments={value.environments}
        refresh={state.refresh}
      />
      <div style={{ marginTop: 16 }}>
        {value.environments.map(env => (
          <EnvironmentDetails key={env.environment} env={env} />
        ))}
      </div>
    </>
  );
}

function AnnotatedContent() {
  const { entity } = useEntity();
  const state = useDeployments(entity);
  return (
    <Content noPadding>
      <ContentHeader title={`Deployments of ${getLambdaAppName(entity)}`}>
        <RefreshControl state={state} />
      </ContentHeader>
      <DeploymentsView state={state} />
    </Content>
  );
}

/**
 * The Deployments tab: environments side by side, in promotion order.
 * @public
 */
export function EntityLambdaDeploymentsContent() {
  const { entity } = useEntity();
  if (!getLambdaAppName(entity)) {
    return (
      <>
        <MissingAnnotationEmptyState annotation={LAMBDA_APP_ANNOTATION} />
        <Typography variant="body2" color="textSecondary">
          The Lambda Paved Road template writes this annotation; for an existing
          app, set it to the app name its resources were created with.
        </Typography>
      </>
    );
  }
  return <AnnotatedContent />;
}
