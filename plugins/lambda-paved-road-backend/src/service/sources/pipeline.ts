import {
  GetPipelineCommand,
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  PipelineExecutionSummary,
} from '@aws-sdk/client-codepipeline';
import type {
  PipelineExecution,
  PipelineInfo,
  PipelineStageStatus,
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

/**
 * The pipeline: its definition, the newest executions and the state of each
 * stage for the newest execution. Three calls, in parallel.
 */
export async function readPipeline(clients: AccountClients, name: string): Promise<PipelineInfo> {
  const [definition, executions, state] = await Promise.all([
    clients.codePipeline.send(new GetPipelineCommand({ name })),
    clients.codePipeline.send(
      new ListPipelineExecutionsCommand({ pipelineName: name, maxResults: PIPELINE_EXECUTIONS_SHOWN }),
    ),
    clients.codePipeline.send(new GetPipelineStateCommand({ name })),
  ]);
  const stages = definition.pipeline?.stages ?? [];
  const sourceAction = stages.flatMap(s => s.actions ?? []).find(a => a.actionTypeId?.category === 'Source');
  const triggerBranch = definition.pipeline?.triggers?.[0]?.gitConfiguration?.push?.[0]?.branches?.includes?.[0];
  const list = (executions.pipelineExecutionSummaries ?? []).map(e => toExecution(e, clients.region, name));
  const newest = list[0];

  const latestStageStates: PipelineStageStatus[] = (state.stageStates ?? []).map(stage => {
    const action = stage.actionStates?.[0]?.latestExecution;
    const ranInNewest = newest && stage.latestExecution?.pipelineExecutionId === newest.id;
    if (newest && !ranInNewest) {
      // The newest run stopped before this stage: its last status is an older run's.
      return {
        name: stage.stageName!,
        status: newest.status === 'in-progress' ? 'pending' : 'cancelled',
        summary: stage.latestExecution
          ? `Not reached by the latest run; last ${stage.latestExecution.status?.toLowerCase()} in run ${stage.latestExecution.pipelineExecutionId}`
          : 'Not reached by the latest run',
        pipelineExecutionId: newest.id,
      };
    }
    return {
      name: stage.stageName!,
      status: runStatus(stage.latestExecution?.status),
      summary: action?.errorDetails?.message ?? action?.summary,
      lastChangedAt: iso(action?.lastStatusChange),
      pipelineExecutionId: stage.latestExecution?.pipelineExecutionId,
    };
  });

  return {
    name,
    consoleUrl: consoleLinks.pipeline(clients.region, name),
    sourceBranch: sourceAction?.configuration?.BranchName ?? triggerBranch,
    stages: stages.map(s => s.name!),
    executions: list,
    latestStageStates,
  };
}
