import type {
  EnvironmentDeployment,
  ImageInfo,
} from '@lambda-paved-road/plugin-lambda-paved-road-common';
import { hasDeployment } from './nothingDeployed';

/**
 * What promoting `upstream` (e.g. test) into `downstream` (e.g. stage) would
 * carry, told from the downstream side: "stage is 3 commits behind test".
 */
export type PromotionGap =
  /** Both run the very same image (equal digests). */
  | { kind: 'same-image' }
  /** Same commit, but each environment built its own image. */
  | { kind: 'same-commit' }
  /**
   * Downstream lacks `commits` commits that upstream runs, newest first.
   * `atLeast` when downstream's commit is older than the history we can see.
   */
  | { kind: 'behind'; commits: number; commitShas: string[]; atLeast: boolean }
  /** Downstream runs a newer commit than upstream (a hotfix or a rollback). */
  | { kind: 'ahead'; commits: number }
  /** Downstream has nothing live: a promotion carries upstream's commit. */
  | { kind: 'nothing-live'; carries?: string }
  | { kind: 'unknown'; reason: string };

const COMMIT_TAG = /^[0-9a-f]{7,40}$/;

/** True when a short and a full (or two short) SHAs name the same commit. */
export function sameCommit(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x.length < 7 || y.length < 7) return false;
  return x.startsWith(y) || y.startsWith(x);
}

function commitOfImage(image: ImageInfo): string | undefined {
  return image.tags.find(t => COMMIT_TAG.test(t));
}

function byPushTimeNewestFirst(a: ImageInfo, b: ImageInfo): number {
  const ta = a.pushedAt ? Date.parse(a.pushedAt) : 0;
  const tb = b.pushedAt ? Date.parse(b.pushedAt) : 0;
  return tb - ta;
}

/**
 * The commits an environment has built, newest first, one entry per commit:
 * from its ECR images (commit-sha tags, by push time), else from its
 * pipeline executions' source revisions.
 */
export function commitHistory(env: EnvironmentDeployment): string[] {
  const shas: string[] = [];
  const add = (sha: string | undefined) => {
    if (sha && !shas.some(s => sameCommit(s, sha))) shas.push(sha);
  };
  if (env.images.ok) {
    [...env.images.data.images]
      .sort(byPushTimeNewestFirst)
      .forEach(image => add(commitOfImage(image)));
  }
  if (shas.length === 0 && env.pipeline.ok) {
    env.pipeline.data.executions.forEach(e => add(e.sourceRevision?.commitId));
  }
  return shas;
}

/** The digest of the image an environment's function runs, when known. */
export function liveDigest(env: EnvironmentDeployment): string | undefined {
  if (env.function.ok) {
    const fn = env.function.data;
    if (fn.resolvedImageDigest) return fn.resolvedImageDigest;
    const alias = fn.aliases[0];
    const version = fn.versions.find(v => v.version === alias?.version);
    if (version?.imageDigest) return version.imageDigest;
  }
  return undefined;
}

/**
 * Compares two neighbouring environments. The upstream's commit history comes
 * from its own ECR repository (each environment has its own), so the count is
 * "commits upstream built after the one downstream runs, up to the one
 * upstream runs".
 */
export function promotionGap(
  upstream: EnvironmentDeployment,
  downstream: EnvironmentDeployment,
): PromotionGap {
  const up = upstream.derived.liveCommit?.sha;
  const down = downstream.derived.liveCommit?.sha;
  const upDigest = liveDigest(upstream);
  const downDigest = liveDigest(downstream);

  if (upDigest && downDigest && upDigest === downDigest) {
    return { kind: 'same-image' };
  }
  if (!down) {
    if (downDigest && hasDeployment(downstream)) {
      return {
        kind: 'unknown',
        reason: `the commit live in ${downstream.environment} is not known`,
      };
    }
    return { kind: 'nothing-live', carries: up };
  }
  if (!up) {
    return {
      kind: 'unknown',
      reason: `the commit live in ${upstream.environment} is not known`,
    };
  }
  if (sameCommit(up, down)) return { kind: 'same-commit' };

  const history = commitHistory(upstream);
  const upIndex = history.findIndex(s => sameCommit(s, up));
  if (upIndex < 0) {
    return {
      kind: 'unknown',
      reason: `${upstream.environment}'s live commit is not among its recent images`,
    };
  }
  const downIndex = history.findIndex(s => sameCommit(s, down));
  if (downIndex < 0) {
    // Upstream never built downstream's commit: downstream may be ahead
    // (a hotfix went straight to it), which only its own history shows.
    const downHistory = commitHistory(downstream);
    const ownIndex = downHistory.findIndex(s => sameCommit(s, down));
    const upInDown = downHistory.findIndex(s => sameCommit(s, up));
    if (ownIndex >= 0 && upInDown > ownIndex) {
      return { kind: 'ahead', commits: upInDown - ownIndex };
    }
    const missing = history.slice(upIndex);
    return {
      kind: 'behind',
      commits: missing.length,
      commitShas: missing,
      atLeast: true,
    };
  }
  if (downIndex < upIndex) {
    return { kind: 'ahead', commits: upIndex - downIndex };
  }
  return {
    kind: 'behind',
    commits: downIndex - upIndex,
    commitShas: history.slice(upIndex, downIndex),
    atLeast: false,
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The sentence shown between two environment columns. */
export function describePromotionGap(
  gap: PromotionGap,
  upstream: string,
  downstream: string,
): string {
  switch (gap.kind) {
    case 'same-image':
      return `${downstream} runs the same image as ${upstream}`;
    case 'same-commit':
      return `${downstream} runs the same commit as ${upstream} (own image build)`;
    case 'behind':
      return `${downstream} is ${gap.atLeast ? 'at least ' : ''}${plural(
        gap.commits,
        'commit',
      )} behind ${upstream}`;
    case 'ahead':
      return `${downstream} is ${plural(
        gap.commits,
        'commit',
      )} ahead of ${upstream}`;
    case 'nothing-live':
      return gap.carries
        ? `nothing live in ${downstream} yet; promoting carries ${gap.carries.slice(
            0,
            7,
          )}`
        : `nothing live in ${downstream} or ${upstream} yet`;
    case 'unknown':
    default:
      return `cannot compare ${downstream} with ${upstream}: ${
        gap.kind === 'unknown' ? gap.reason : 'unknown'
      }`;
  }
}
