/**
 * CodeBuild mend. What moto gets wrong for the JavaScript SDK:
 * - StartBuild, BatchGetBuilds and StopBuild send the build's and phases'
 *   `startTime`/`endTime` as ISO strings; the JSON protocol wants epoch
 *   seconds, and the SDK fails with "Expected real number, got implicit NaN";
 * - every BatchGetBuilds appends the whole phase list again (with new random
 *   durations) and draws a new random `endTime`, so a build changes each read;
 * - `buildNumber` is random instead of counting up per project;
 * - ListBuildsForProject lists oldest first; AWS's default is newest first,
 *   and BatchGetBuilds answers in moto's order rather than the ids' order;
 * - every build reads as SUCCEEDED, so a failed build cannot be shown.
 *
 * The mend converts the timestamps, keeps the first phase list and end time it
 * sees per build, numbers builds per project in start order, sorts the list
 * newest first, and lets the harness set a build's outcome. Builds it has
 * seen it answers itself: moto's copy grows with every read (the appended
 * phases), and so does the time moto takes to answer.
 *
 *   POST /_gateway/codebuild/builds/<url-encoded build id>
 *     { status, startTime?, endTime?, failedPhase? }   (see {@link BuildOutcomeInput})
 */
import type { Mend } from '../gateway';
import { jsonResponse } from '../errors';
import { isOk, parseJson, toEpochSeconds, withJsonBody } from './shared';

/** CodeBuild's build statuses. */
export type BuildStatus =
  | 'SUCCEEDED'
  | 'FAILED'
  | 'FAULT'
  | 'TIMED_OUT'
  | 'IN_PROGRESS'
  | 'STOPPED';

/** The body of `POST /_gateway/codebuild/builds/<id>`. */
export interface BuildOutcomeInput {
  status: BuildStatus;
  /** ISO-8601; default the build's start time. */
  startTime?: string;
  /** The phase that failed (or is running, for IN_PROGRESS); default BUILD. */
  failedPhase?: string;
  /** Seconds per phase, overriding the defaults. */
  phaseDurations?: Record<string, number>;
}

const BUILD_STATUSES: BuildStatus[] = [
  'SUCCEEDED',
  'FAILED',
  'FAULT',
  'TIMED_OUT',
  'IN_PROGRESS',
  'STOPPED',
];

/** CodeBuild's phases in order, with plausible durations for a container build. */
const PHASES: Array<[string, number]> = [
  ['SUBMITTED', 0],
  ['QUEUED', 2],
  ['PROVISIONING', 14],
  ['DOWNLOAD_SOURCE', 3],
  ['INSTALL', 18],
  ['PRE_BUILD', 6],
  ['BUILD', 74],
  ['POST_BUILD', 21],
  ['UPLOAD_ARTIFACTS', 1],
  ['FINALIZING', 2],
];

function phasesFor(
  startSeconds: number,
  outcome: BuildOutcomeInput,
): { phases: any[]; endTime?: number; currentPhase: string } {
  const stopAt = outcome.status === 'SUCCEEDED' ? undefined : (outcome.failedPhase ?? 'BUILD');
  const phases: any[] = [];
  let t = startSeconds;
  for (const [phaseType, defaultDuration] of PHASES) {
    const duration = outcome.phaseDurations?.[phaseType] ?? defaultDuration;
    if (phaseType === stopAt && outcome.status === 'IN_PROGRESS') {
      phases.push({ phaseType, startTime: t });
      return { phases, currentPhase: phaseType };
    }
    const failed = phaseType === stopAt;
    phases.push({
      phaseType,
      phaseStatus: failed ? outcome.status : 'SUCCEEDED',
      startTime: t,
      endTime: t + duration,
      durationInSeconds: duration,
      ...(failed
        ? { contexts: [{ statusCode: 'COMMAND_EXECUTION_ERROR', message: `Error while executing command. Reason: exit status 1` }] }
        : {}),
    });
    t += duration;
    // After a failure CodeBuild skips to FINALIZING.
    if (failed) {
      phases.push({ phaseType: 'FINALIZING', phaseStatus: 'SUCCEEDED', startTime: t, endTime: t + 2, durationInSeconds: 2 });
      t += 2;
      break;
    }
  }
  phases.push({ phaseType: 'COMPLETED', startTime: t });
  return { phases, endTime: t, currentPhase: 'COMPLETED' };
}

function convertBuildTimes(build: any) {
  build.startTime = toEpochSeconds(build.startTime);
  build.endTime = toEpochSeconds(build.endTime);
  for (const p of build.phases ?? []) {
    p.startTime = toEpochSeconds(p.startTime);
    p.endTime = toEpochSeconds(p.endTime);
  }
}

/** Keeps the first occurrence of each phase type (moto appends them again). */
function firstPhases(phases: any[] = []): any[] {
  const seen = new Set<string>();
  return phases.filter(p => {
    if (seen.has(p.phaseType)) return false;
    seen.add(p.phaseType);
    return true;
  });
}

/** The CodeBuild mend (see the file comment). */
export function codeBuildMend(): Mend {
  // Build id → the build as first read, with the mend's corrections.
  let builds = new Map<string, any>();
  // Build id → the account/region it belongs to.
  let owners = new Map<string, string>();
  let numbers = new Map<string, number>();
  let counters = new Map<string, number>();
  let outcomes = new Map<string, BuildOutcomeInput>();

  const numberFor = (accountId: string, region: string, build: any) => {
    const known = numbers.get(build.id);
    if (known !== undefined) return known;
    const key = `${accountId}/${region}/${build.projectName}`;
    const next = (counters.get(key) ?? 0) + 1;
    counters.set(key, next);
    numbers.set(build.id, next);
    return next;
  };

  const applyOutcome = (build: any) => {
    const outcome = outcomes.get(build.id);
    if (!outcome) return build;
    const start =
      outcome.startTime !== undefined ? Date.parse(outcome.startTime) / 1000 : build.startTime;
    const { phases, endTime, currentPhase } = phasesFor(start, outcome);
    return {
      ...build,
      startTime: start,
      endTime,
      phases,
      currentPhase,
      buildStatus: outcome.status,
      buildComplete: outcome.status !== 'IN_PROGRESS',
    };
  };

  const whereOf = (call: { accountId?: string; region?: string }) =>
    `${call.accountId ?? 'unknown'}/${call.region ?? 'us-east-1'}`;

  return {
    name: 'codebuild',

    async handle(call) {
      if (call.service !== 'codebuild' || call.operation !== 'BatchGetBuilds') return undefined;
      const input = parseJson(call.body);
      const ids: unknown = input?.ids;
      if (!Array.isArray(ids) || !ids.length) return undefined;
      if (!ids.every(id => builds.has(id) && owners.get(id) === whereOf(call))) return undefined;
      return jsonResponse({ builds: ids.map(id => applyOutcome(builds.get(id))), buildsNotFound: [] });
    },

    async rewrite(call, response) {
      if (call.service !== 'codebuild' || !isOk(response)) return response;
      const account = call.accountId ?? 'unknown';
      const region = call.region ?? 'us-east-1';
      switch (call.operation) {
        case 'StartBuild': {
          const out = parseJson(response.body);
          if (!out?.build) return response;
          convertBuildTimes(out.build);
          out.build.buildNumber = numberFor(account, region, out.build);
          return withJsonBody(response, out);
        }
        case 'BatchGetBuilds': {
          const out = parseJson(response.body);
          if (!out?.builds) return response;
          const order: string[] = parseJson(call.body)?.ids ?? [];
          out.builds.sort((a: any, b: any) => order.indexOf(a.id) - order.indexOf(b.id));
          out.builds = out.builds.map((fresh: any) => {
            let build = builds.get(fresh.id);
            if (!build) {
              build = { ...fresh, phases: firstPhases(fresh.phases) };
              convertBuildTimes(build);
              build.buildNumber = numberFor(account, region, build);
              builds.set(fresh.id, build);
              owners.set(fresh.id, whereOf(call));
            }
            return applyOutcome(build);
          });
          return withJsonBody(response, out);
        }
        case 'StopBuild': {
          const out = parseJson(response.body);
          if (!out?.build) return response;
          const build = { ...out.build, phases: firstPhases(out.build.phases) };
          convertBuildTimes(build);
          build.buildNumber = numberFor(account, region, build);
          builds.set(build.id, build);
          owners.set(build.id, whereOf(call));
          outcomes.delete(build.id);
          return withJsonBody(response, { ...out, build });
        }
        case 'ListBuildsForProject': {
          const input = parseJson(call.body);
          const out = parseJson(response.body);
          if (!out?.ids || input?.sortOrder === 'ASCENDING') return response;
          out.ids = [...out.ids].reverse();
          return withJsonBody(response, out);
        }
        default:
          return response;
      }
    },

    async control(path, method, body: any) {
      const match = /^\/builds\/([^/]+)$/.exec(path);
      if (!match || method !== 'POST') return undefined;
      const id = decodeURIComponent(match[1]);
      if (!BUILD_STATUSES.includes(body?.status)) {
        return { status: 400, body: { error: `status must be one of ${BUILD_STATUSES.join(', ')}` } };
      }
      if (body.startTime !== undefined && Number.isNaN(Date.parse(body.startTime))) {
        return { status: 400, body: { error: `startTime "${body.startTime}" is not an ISO-8601 date` } };
      }
      if (body.failedPhase !== undefined && !PHASES.some(([p]) => p === body.failedPhase)) {
        return { status: 400, body: { error: `failedPhase must be one of ${PHASES.map(([p]) => p).join(', ')}` } };
      }
      outcomes.set(id, body);
      return { status: 200, body: { id } };
    },

    reset() {
      builds = new Map();
      owners = new Map();
      numbers = new Map();
      counters = new Map();
      outcomes = new Map();
    },
  };
}
