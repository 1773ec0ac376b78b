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
import type { StableCache } from '../stableCache';
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

/** What the view needs of the pipeline's definition (which rarely changes). */
interface PipelineDefinition {
  stages: string[];
  sourceBranch?: string;
}

async function readDefinition(clients: AccountClients, name: string): Promise<PipelineDefinition> {
  const definition = await clients.codePipeline.send(new GetPipelineCommand({ name }));
  const stages = definition.pipeline?.stages ?? [];
  const sourceAction = stages.flatMap(s => s.actions ?? []).find(a => a.actionTypeId?.category === 'Source');
  const triggerBranch = definition.pipeline?.triggers?.[0]?.gitConfiguration?.push?.[0]?.branches?.includes?.[0];
  const sourceBranch = sourceAction?.configuration?.BranchName ?? triggerBranch;
  return { stages: stages.map(s => s.name!), ...(sourceBranch ? { sourceBranch } : {}) };
}

/**
 * The pipeline: its definition (kept in the stable cache when one is
 * given), the newest executions and the state of each stage for the newest
 * execution. Up to three calls, in parallel.
 */
export async function readPipeline(
  clients: AccountClients,
  name: string,
  stable?: StableCache,
): Promise<PipelineInfo> {
  const [definition, executions, state] = await Promise.all([
    stable
      ? stable.getOrLoad(`pipeline:${clients.accountId}:${clients.region}:${name}`, () =>
          readDefinition(clients, name) as Promise<any>,
        ) as Promise<PipelineDefinition>
      : readDefinition(clients, name),
    clients.codePipeline.send(
      new ListPipelineExecutionsCommand({ pipelineName: name, maxResults: PIPELINE_EXECUTIONS_SHOWN }),
    ),
    clients.codePipeline.send(new GetPipelineStateCommand({ name })),
  ]);
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
    sourceBranch: definition.sourceBranch,
    stages: definition.stages,
    executions: list,
    latestStageStates,
  };
}
