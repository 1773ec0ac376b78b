import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import type { RunStatus } from '@lambda-paved-road/plugin-lambda-paved-road-common';

const LABELS: Record<RunStatus, string> = {
  succeeded: 'Succeeded',
  failed: 'Failed',
  'in-progress': 'In progress',
  stopped: 'Stopped',
  superseded: 'Superseded',
  cancelled: 'Cancelled',
  pending: 'Pending',
  unknown: 'Unknown',
};

/** A run status as an icon plus its word: never colour alone. */
export function RunStatusLabel(props: { status: RunStatus; label?: string }) {
  const text = props.label ?? LABELS[props.status] ?? props.status;
  switch (props.status) {
    case 'succeeded':
      return <StatusOK>{text}</StatusOK>;
    case 'failed':
      return <StatusError>{text}</StatusError>;
    case 'in-progress':
      return <StatusRunning>{text}</StatusRunning>;
    case 'pending':
      return <StatusPending>{text}</StatusPending>;
    case 'stopped':
    case 'cancelled':
    case 'superseded':
      return <StatusAborted>{text}</StatusAborted>;
    default:
      return <StatusWarning>{text}</StatusWarning>;
  }
}

/** Lambda state (Active, Pending, Failed, Inactive) the same way. */
export function FunctionStateLabel(props: {
  state?: string;
  lastUpdateStatus?: string;
}) {
  const { state, lastUpdateStatus } = props;
  if (lastUpdateStatus === 'InProgress') {
    return <StatusRunning>{state ?? 'Updating'} (updating)</StatusRunning>;
  }
  if (lastUpdateStatus === 'Failed') {
    return <StatusError>{state ?? 'Unknown'} (last update failed)</StatusError>;
  }
  switch (state) {
    case 'Active':
      return <StatusOK>Active</StatusOK>;
    case 'Pending':
      return <StatusPending>Pending</StatusPending>;
    case 'Failed':
      return <StatusError>Failed</StatusError>;
    case 'Inactive':
      return <StatusAborted>Inactive</StatusAborted>;
    default:
      return <StatusWarning>{state ?? 'Unknown state'}</StatusWarning>;
  }
}

/** ALB target health (healthy, unhealthy, initial, draining, unavailable). */
export function TargetHealthLabel(props: { state: string }) {
  switch (props.state) {
    case 'healthy':
      return <StatusOK>Healthy</StatusOK>;
    case 'unhealthy':
      return <StatusError>Unhealthy</StatusError>;
    case 'initial':
      return <StatusPending>Initial</StatusPending>;
    case 'draining':
      return <StatusAborted>Draining</StatusAborted>;
    default:
      return <StatusWarning>{props.state}</StatusWarning>;
  }
}
