import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import CircularProgress from '@material-ui/core/CircularProgress';
import RefreshIcon from '@material-ui/icons/Refresh';
import type { DeploymentsState } from './useDeployments';

/** "Updated 12:00:01 · every 30 s" and a refresh button. */
export function RefreshControl(props: { state: DeploymentsState }) {
  const { loading, lastUpdated, intervalSeconds, refresh } = props.state;
  const every =
    intervalSeconds > 0
      ? `refreshes every ${intervalSeconds} s`
      : 'auto-refresh off';
  let status = '';
  if (loading) status = 'Refreshing…';
  else if (lastUpdated) status = `Updated ${lastUpdated.toLocaleTimeString()}`;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <Typography variant="caption" color="textSecondary" aria-live="polite">
        {status}
        {` · ${every}`}
      </Typography>
      <Tooltip title="Refresh now">
        <span>
          <IconButton
            aria-label="Refresh deployments"
            onClick={refresh}
            disabled={loading}
            size="small"
          >
            {loading ? (
              <CircularProgress size={18} aria-hidden />
            ) : (
              <RefreshIcon />
            )}
          </IconButton>
        </span>
      </Tooltip>
    </span>
  );
}
