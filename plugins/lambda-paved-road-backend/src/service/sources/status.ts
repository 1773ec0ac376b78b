import type { RunStatus } from '@lambda-paved-road/plugin-lambda-paved-road-common';

const STATUS: Record<string, RunStatus> = {
  // CodePipeline executions, stages and actions
  Succeeded: 'succeeded',
  Failed: 'failed',
  InProgress: 'in-progress',
  Stopping: 'stopped',
  Stopped: 'stopped',
  Superseded: 'superseded',
  Cancelled: 'cancelled',
  Abandoned: 'cancelled',
  Skipped: 'cancelled',
  // CodeBuild builds and phases
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  FAULT: 'failed',
  TIMED_OUT: 'failed',
  CLIENT_ERROR: 'failed',
  IN_PROGRESS: 'in-progress',
  QUEUED: 'pending',
  STOPPED: 'stopped',
};

/** One status vocabulary for pipelines, stages, builds and phases. */
export function runStatus(raw: string | undefined): RunStatus {
  return (raw && STATUS[raw]) || 'unknown';
}

/** Dates as ISO strings (the API is JSON). */
export const iso = (d: Date | undefined) => (d ? d.toISOString() : undefined);
