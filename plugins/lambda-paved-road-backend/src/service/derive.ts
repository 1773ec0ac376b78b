import {
  DerivedDeploymentState,
  FunctionInfo,
  ImagesInfo,
  LIVE_ALIAS,
  PipelineInfo,
  SourceResult,
} from '@lambda-paved-road/plugin-lambda-paved-road-common';

const COMMIT_TAG = /^[0-9a-f]{7,40}$/;

/**
 * Which commit is live and whether anything drifted, from the sources that
 * answered: the `live` alias's version → its image digest → the ECR tags of
 * that digest → the commit (short SHA tag), completed from the pipeline's
 * executions when one built it. Anything missing leaves its field unset.
 */
export function deriveState(
  pipeline: SourceResult<PipelineInfo>,
  images: SourceResult<ImagesInfo>,
  fn: SourceResult<FunctionInfo>,
): DerivedDeploymentState {
  if (!fn.ok) return { imageDrift: false, aliasBehindLatest: false };
  const f = fn.data;
  const liveVersion = f.aliases.find(a => a.name === LIVE_ALIAS)?.version;
  const liveImageDigest =
    f.versions.find(v => v.version === liveVersion)?.imageDigest ?? f.resolvedImageDigest;
  const newestVersion = f.versions[0]?.version;
  const state: DerivedDeploymentState = {
    liveVersion,
    liveImageDigest,
    imageDrift: false,
    aliasBehindLatest: !!liveVersion && !!newestVersion && liveVersion !== newestVersion,
  };
  if (!images.ok || !liveImageDigest) return state;
  const image = images.data.images.find(i => i.digest === liveImageDigest);
  const envTagDigest = images.data.environmentTagDigest;
  state.imageDrift = !!envTagDigest && envTagDigest !== liveImageDigest;
  const tag = image?.tags.find(t => COMMIT_TAG.test(t));
  state.liveImageTag = tag ?? image?.tags.find(t => t !== images.data.environmentTag) ?? image?.tags[0];
  if (tag) {
    const revision = pipeline.ok
      ? pipeline.data.executions.find(e => e.sourceRevision?.commitId.startsWith(tag))?.sourceRevision
      : undefined;
    state.liveCommit = revision
      ? { sha: revision.commitId, message: revision.message, url: revision.url }
      : { sha: tag };
  }
  return state;
}
