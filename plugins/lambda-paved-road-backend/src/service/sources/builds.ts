import { BatchGetBuildsCommand, Build, ListBuildsForProjectCommand } from '@aws-sdk/client-codebuild';
import type { BuildInfo, BuildPhase, BuildsInfo } from '@lambda-paved-road/plugin-lambda-paved-road-common';
import type { AccountClients } from '../awsClients';
import { consoleLinks } from '../consoleLinks';
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

/** The project's newest builds: list the ids, then one batch read. */
export async function readBuilds(clients: AccountClients, project: string): Promise<BuildsInfo> {
  const listed = await clients.codeBuild.send(
    new ListBuildsForProjectCommand({ projectName: project, sortOrder: 'DESCENDING' }),
  );
  const ids = (listed.ids ?? []).slice(0, BUILDS_SHOWN);
  const builds = ids.length
    ? ((await clients.codeBuild.send(new BatchGetBuildsCommand({ ids }))).builds ?? [])
    : [];
  // BatchGetBuilds does not promise the ids' order.
  builds.sort((a, b) => ids.indexOf(a.id!) - ids.indexOf(b.id!));
  return {
    projectName: project,
    consoleUrl: consoleLinks.buildProject(clients.region, clients.accountId, project),
    builds: builds.map(b => toBuild(b, clients, project)),
  };
}
