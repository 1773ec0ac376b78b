import { useState } from 'react';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import PlayArrow from '@material-ui/icons/PlayArrow';
import {
  lambdaPipelineStartPermission,
  type EnvironmentDeployment,
} from '@lambda-paved-road/plugin-lambda-paved-road-common';
import { lambdaPavedRoadApiRef } from '../api';
import { backendMessage } from '../lib/errorHints';

/**
 * Runs an environment's pipeline again (the tip of its branch), after a
 * confirmation that says what it deploys where. Shown only to users the
 * permission policy lets start it.
 */
export function StartPipelineButton(props: {
  env: EnvironmentDeployment;
  pipelineName: string;
  onStarted: () => void;
}) {
  const { env, pipelineName, onStarted } = props;
  const { entity } = useEntity();
  const api = useApi(lambdaPavedRoadApiRef);
  const alertApi = useApi(alertApiRef);
  const { allowed } = usePermission({
    permission: lambdaPipelineStartPermission,
    resourceRef: stringifyEntityRef(entity),
  });
  const [open, setOpen] = useState(false);
  const [starting, setStarting] = useState(false);
  if (!allowed) return null;

  const start = async () => {
    setStarting(true);
    try {
      const { pipelineExecutionId } = await api.startPipeline(
        getCompoundEntityRef(entity),
        env.environment,
      );
      alertApi.post({
        message: `Started ${pipelineName} (run ${pipelineExecutionId})`,
        severity: 'success',
        display: 'transient',
      });
      setOpen(false);
      onStarted();
    } catch (e) {
      alertApi.post({
        message: `Could not start ${pipelineName}: ${backendMessage(
          e as Error,
        )}`,
        severity: 'error',
      });
    } finally {
      setStarting(false);
    }
  };

  return (
    <>
      <Button
        size="small"
        variant="outlined"
        startIcon={<PlayArrow />}
        onClick={() => setOpen(true)}
        aria-label={`Run the ${env.environment} pipeline`}
        style={{ marginTop: 8 }}
      >
        Run pipeline
      </Button>
      <Dialog open={open} onClose={() => !starting && setOpen(false)}>
        <DialogTitle>Run {pipelineName}?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            CodePipeline fetches the newest commit on the{' '}
            <code>{env.branch}</code> branch, builds it and deploys it to{' '}
            {env.environment}
            {env.production ? ', which is production' : ''}.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={starting}>
            Cancel
          </Button>
          <Button
            onClick={start}
            color="primary"
            variant="contained"
            disabled={starting}
          >
            {starting ? 'Starting…' : 'Run'}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
