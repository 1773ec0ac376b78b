import {
  ActionExecutionDetail,
  ListPipelineExecutionsCommand,
  PipelineExecutionSummary,
} from '@aws-sdk/client-codepipeline';
import type {
  PipelineExecution,
  PipelineInfo,
  PipelineStageStatus,
  RunStatus,
} from '@lambda-paved-road/plugin-lambda-paved-road-common';
import type { AccountClients } from '../awsClients';
import { consoleLinks } from '../consoleLinks';
import { iso, runStatus } from './status';

/** How many executions the view shows. */
export const PIPELINE_EXECUTIONS_SHOWN = 10;

/**
 * CodeStar connections put a JSON document in `revisionSummary`
 * (`{"ProviderType":"GitHub","CommitMessage":"…"}`); other sources a plain message.
 */
function commitMessage(summary: string | undefined): string | undefined {
  if (!summary?.startsWith('{')) return summary;
  try {
    return JSON.parse(summary).CommitMessage ?? summary;
  } catch {
    return summary;
  }
}

const TERMINAL = new Set(['Succeeded', 'Failed', 'Stopped', 'Superseded', 'Cancelled']);

function toExecution(e: PipelineExecutionSummary, region: string, pipeline: string): PipelineExecution {
  const revision = e.sourceRevisions?.[0];
  return {
    id: e.pipelineExecutionId!,
    status: runStatus(e.status),
    rawStatus: e.status ?? 'Unknown',
    trigger: e.trigger?.triggerType
      ? { type: e.trigger.triggerType, detail: e.trigger.triggerDetail }
      : undefined,
    sourceRevision: revision?.revisionId
      ? {
          commitId: revision.revisionId,
          message: commitMessage(revision.revisionSummary),
          url: revision.revisionUrl,
        }
      : undefined,
    startedAt: iso(e.startTime),
    endedAt: e.status && TERMINAL.has(e.status) ? iso(e.lastUpdateTime) : undefined,
    consoleUrl: consoleLinks.pipelineExecution(region, pipeline, e.pipelineExecutionId!),
  };
}

/** A stage's status from its actions': a failure wins, then work still running. */
function stageStatus(actions: ActionExecutionDetail[]): RunStatus {
  const statuses = actions.map(a => a.status);
  if (statuses.includes('Failed')) return 'failed';
  if (statuses.includes('InProgress')) return 'in-progress';
  if (statuses.includes('Abandoned')) return 'cancelled';
  return statuses.every(s => s === 'Succeeded') ? 'succeeded' : 'unknown';
}

/**
 * Stage names in pipeline order. Runs list their later stages first (newest
 * first), so a run's stages are read in reverse; a stage only older runs
 * reached (the newest stopped early) comes after the ones it did reach.
 */
function stageOrder(byRun: Map<string, ActionExecutionDetail[]>): string[] {
  const names: string[] = [];
  for (const actions of byRun.values()) {
    for (const a of [...actions].reverse()) {
      if (a.stageName && !names.includes(a.stageName)) names.push(a.stageName);
    }
  }
  return names;
}

/**
 * The pipeline: its newest executions (ListPipelineExecutions) and, from the
 * action executions the builds source shares, each stage's status in the
 * newest one. Two calls, in parallel. The branch is the source action's, or
 * the configured one before anything ran.
 */
export async function readPipeline(
  clients: AccountClients,
  name: string,
  actionExecutions: Promise<ActionExecutionDetail[]>,
  configuredBranch: string,
): Promise<PipelineInfo> {
  const [executions, actions] = await Promise.all([
    clients.codePipeline.send(
      new ListPipelineExecutionsCommand({ pipelineName: name, maxResults: PIPELINE_EXECUTIONS_SHOWN }),
    ),
    actionExecutions,
  ]);
  const list = (executions.pipelineExecutionSummaries ?? []).map(e => toExecution(e, clients.region, name));
  const newest = list[0];

  const byRun = new Map<string, ActionExecutionDetail[]>();
  for (const a of actions) {
    const run = a.pipelineExecutionId ?? '';
    byRun.set(run, [...(byRun.get(run) ?? []), a]);
  }
  const stages = stageOrder(byRun);

  const latestStageStates: PipelineStageStatus[] = newest
    ? stages.map(stage => {
        const inNewest = (byRun.get(newest.id) ?? []).filter(a => a.stageName === stage);
        if (!inNewest.length) {
          // The newest run stopped before this stage: say what an older run did.
          const older = actions.find(a => a.stageName === stage);
          return {
            name: stage,
            status: newest.status === 'in-progress' ? 'pending' : 'cancelled',
            summary: older
              ? `Not reached by the latest run; last ${older.status?.toLowerCase()} in run ${older.pipelineExecutionId}`
              : 'Not reached by the latest run',
            pipelineExecutionId: newest.id,
          };
        }
        const result = inNewest.find(a => a.status === 'Failed') ?? inNewest[0];
        const changed = Math.max(...inNewest.map(a => a.lastUpdateTime?.getTime() ?? 0));
        return {
          name: stage,
          status: stageStatus(inNewest),
          summary:
            result.output?.executionResult?.errorDetails?.message ??
            result.output?.executionResult?.externalExecutionSummary,
          lastChangedAt: changed ? new Date(changed).toISOString() : undefined,
          pipelineExecutionId: newest.id,
        };
      })
    : [];

  const source = actions.find(a => a.input?.actionTypeId?.category === 'Source');
  const branch =
    source?.output?.outputVariables?.BranchName ??
    source?.input?.resolvedConfiguration?.BranchName ??
    source?.input?.configuration?.BranchName;

  return {
    name,
    consoleUrl: consoleLinks.pipeline(clients.region, name),
    sourceBranch: branch ?? configuredBranch,
    stages,
    executions: list,
    latestStageStates,
  };
}
