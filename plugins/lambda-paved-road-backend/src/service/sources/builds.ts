import { BatchGetBuildsCommand, Build } from '@aws-sdk/client-codebuild';
import type { ActionExecutionDetail } from '@aws-sdk/client-codepipeline';
import type { BuildInfo, BuildPhase, BuildsInfo } from '@lambda-paved-road/plugin-lambda-paved-road-common';
import type { AccountClients } from '../awsClients';
import { consoleLinks } from '../consoleLinks';
import type { StableCache } from '../stableCache';
import { buildIdsOf } from './actionExecutions';
import { iso, runStatus } from './status';

/** How many builds the view shows. */
export const BUILDS_SHOWN = 10;

function toPhase(p: NonNullable<Build['phases']>[number]): BuildPhase {
  return {
    name: p.phaseType!,
    // A phase without a status is still running.
    status: p.phaseStatus ? runStatus(p.phaseStatus) : 'in-progress',
    durationSeconds: p.durationInSeconds,
  };
}

function toBuild(b: Build, clients: AccountClients, project: string): BuildInfo {
  return {
    id: b.id!,
    number: b.buildNumber,
    status: runStatus(b.buildStatus),
    rawStatus: b.buildStatus ?? 'UNKNOWN',
    sourceVersion: b.resolvedSourceVersion ?? b.sourceVersion,
    startedAt: iso(b.startTime),
    endedAt: iso(b.endTime),
    // COMPLETED only marks the end; it has no duration of its own.
    phases: (b.phases ?? []).filter(p => p.phaseType !== 'COMPLETED').map(toPhase),
    logsUrl: b.logs?.deepLink,
    consoleUrl: consoleLinks.build(clients.region, clients.accountId, project, b.id!),
  };
}

/**
 * The project's newest builds. The project's source is its pipeline
 * (CODEPIPELINE), so every build is one a pipeline run started: the ids come
 * from the action executions the pipeline source reads too, then one batch
 * read of those not already known finished (a finished build never changes,
 * so the stable cache keeps it).
 */
export async function readBuilds(
  clients: AccountClients,
  project: string,
  actionExecutions: Promise<ActionExecutionDetail[]>,
  stable?: StableCache,
): Promise<BuildsInfo> {
  const ids = buildIdsOf(await actionExecutions, project).slice(0, BUILDS_SHOWN);
  const keyOf = (id: string) => `build:${clients.accountId}:${clients.region}:${id}`;
  const known = stable ? await stable.getMany<any>(ids.map(keyOf)) : new Map<string, any>();
  const missing = ids.filter(id => !known.has(keyOf(id)));
  const fetched = missing.length
    ? ((await clients.codeBuild.send(new BatchGetBuildsCommand({ ids: missing }))).builds ?? [])
    : [];
  const byId = new Map<string, BuildInfo>();
  for (const b of fetched) {
    const info = toBuild(b, clients, project);
    byId.set(info.id, info);
    if (stable && b.buildComplete && info.status !== 'in-progress') {
      await stable.set(keyOf(info.id), JSON.parse(JSON.stringify(info)));
    }
  }
  for (const id of ids) {
    const cached = known.get(keyOf(id));
    if (cached) byId.set(id, cached);
  }
  return {
    projectName: project,
    consoleUrl: consoleLinks.buildProject(clients.region, clients.accountId, project),
    // Newest first, as the runs are (BatchGetBuilds does not promise the ids' order).
    builds: ids.map(id => byId.get(id)).filter((b): b is BuildInfo => !!b),
  };
}
