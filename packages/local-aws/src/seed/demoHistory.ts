import crypto from 'node:crypto';
import type { PavedRoadEnvironment } from '@lambda-paved-road/plugin-lambda-paved-road-common';

/** One commit of the demo app's history. */
export interface DemoCommit {
  sha: string;
  shortSha: string;
  message: string;
  author: string;
  committedAt: Date;
}

/** A pipeline run that failed, so the environment stayed on its live commit. */
export interface FailedRun {
  commit: DemoCommit;
  stage: 'Build';
  message: string;
}

/** What one environment has seen: the commits it deployed, oldest first. */
export interface EnvironmentHistory {
  environment: PavedRoadEnvironment;
  /** Oldest first; each got a build, an image, a Lambda version and a run. */
  deployed: DemoCommit[];
  /** The newest deployed commit: its image runs behind the `live` alias. */
  live: DemoCommit;
  /** The newest run, when it failed after the live one. */
  failedRun?: FailedRun;
  /** Hours an environment lags behind a commit (promotion takes time). */
  lagHours: number;
}

const HOUR = 3600_000;

// Newest first. Hours before now the commit was made.
const HISTORY: Array<[string, string, number]> = [
  ['Add request id to structured logs', 'Priya Raman', 2],
  ['Return a JSON 404 body for unknown routes', 'Tomás Ortega', 27],
  ['Bump base image to public.ecr.aws/lambda/python:3.12-arm64', 'Priya Raman', 51],
  ['Cache parsed config between invocations', 'Ada Okafor', 76],
  ['Add /health route for the ALB target group', 'Tomás Ortega', 100],
  ['Initial hello-api handler, Dockerfile and buildspec', 'Ada Okafor', 124],
];

/**
 * The demo app's commits, newest first. Deterministic for an app name, so
 * seeding twice produces the same SHAs, digests and ids.
 */
export function demoCommits(app: string, now: Date): DemoCommit[] {
  return HISTORY.map(([message, author, hoursAgo]) => {
    const sha = crypto.createHash('sha1').update(`${app}\n${message}`).digest('hex');
    return {
      sha,
      shortSha: sha.slice(0, 7),
      message,
      author,
      committedAt: new Date(now.getTime() - hoursAgo * HOUR),
    };
  });
}

/**
 * How far each environment got, the way a promotion flow looks: the first
 * environment runs the newest commit, each next one is one commit behind, and
 * the third environment's latest run (of the commit the one before it runs)
 * failed in its build, so it stayed where it was.
 */
export function environmentHistories(
  environments: PavedRoadEnvironment[],
  commits: DemoCommit[],
): EnvironmentHistory[] {
  return environments.map((environment, i) => {
    const liveIndex = Math.min(i, commits.length - 1);
    // At most four deployments per environment keep the seed fast.
    const deployed = commits.slice(liveIndex, liveIndex + 4).reverse();
    const live = deployed[deployed.length - 1];
    const failedRun: FailedRun | undefined =
      i === 2 && liveIndex > 0
        ? {
            commit: commits[liveIndex - 1],
            stage: 'Build',
            message:
              'Build terminated with state: FAILED. Phase: BUILD, Code: COMMAND_EXECUTION_ERROR, ' +
              'Message: Error while executing command: python -m pytest tests/integration -q. Reason: exit status 1',
          }
        : undefined;
    return { environment, deployed, live, failedRun, lagHours: i * 3 };
  });
}

/** When an environment's run of a commit started (never in the future). */
export function runStart(commit: DemoCommit, lagHours: number, now: Date): Date {
  const start = commit.committedAt.getTime() + lagHours * HOUR + 5 * 60_000;
  return new Date(Math.min(start, now.getTime() - 10 * 60_000));
}

/** A stable UUID-shaped id from its parts (pipeline execution ids). */
export function stableUuid(...parts: string[]): string {
  const h = crypto.createHash('sha256').update(parts.join('\n')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * What ECR's scan on push found in a commit's image: deterministic per
 * commit; severities with no finding are left out, as ECR does.
 */
export function scanFindingsFor(commit: DemoCommit): Record<string, number> {
  const digit = (i: number) => parseInt(commit.sha[i], 16);
  const counts: Record<string, number> = {
    HIGH: digit(0) % 3,
    MEDIUM: digit(1) % 5,
    LOW: digit(2) % 4,
  };
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}
