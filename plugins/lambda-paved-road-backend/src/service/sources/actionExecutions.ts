import { ActionExecutionDetail, ListActionExecutionsCommand } from '@aws-sdk/client-codepipeline';
import type { AccountClients } from '../awsClients';

/**
 * One page (the API's maximum, 100) of the pipeline's action executions,
 * newest first. With two actions per run that is the last 50 runs: more than
 * the view shows. The pipeline source reads each stage's status from it, the
 * builds source which CodeBuild builds the runs started, so one call serves
 * both.
 */
export async function listActionExecutions(
  clients: AccountClients,
  pipelineName: string,
): Promise<ActionExecutionDetail[]> {
  const out = await clients.codePipeline.send(
    new ListActionExecutionsCommand({ pipelineName, maxResults: 100 }),
  );
  const time = (d: ActionExecutionDetail) => d.startTime?.getTime() ?? 0;
  // The API lists newest first; sorting makes that independent of the endpoint.
  return [...(out.actionExecutionDetails ?? [])].sort((a, b) => time(b) - time(a));
}

/** The ids of the builds the pipeline's CodeBuild actions ran for `project`, newest first. */
export function buildIdsOf(details: ActionExecutionDetail[], project: string): string[] {
  const ids: string[] = [];
  for (const d of details) {
    const isBuild = d.input?.actionTypeId?.provider === 'CodeBuild';
    const id = d.output?.executionResult?.externalExecutionId;
    if (isBuild && id && d.input?.configuration?.ProjectName === project && !ids.includes(id)) {
      ids.push(id);
    }
  }
  return ids;
}
