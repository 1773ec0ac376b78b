/**
 * The shape of `GET /api/lambda-paved-road/entity/:namespace/:kind/:name/deployments`.
 * Each source of an environment is fetched independently and is either data
 * or a typed error, so one failing account never blanks the page.
 */

/** Why a source could not be read. @public */
export type SourceErrorCode =
  | 'NOT_FOUND'
  | 'ACCESS_DENIED'
  | 'THROTTLED'
  | 'UNREACHABLE'
  | 'TIMEOUT'
  | 'NOT_SUPPORTED'
  | 'NOT_CONFIGURED'
  | 'UNKNOWN';

/** A source's failure, with a message a user can act on. @public */
export interface SourceError {
  code: SourceErrorCode;
  message: string;
  /** The account whose call failed, so the hint can name its read role. */
  accountId?: string;
  /** The AWS error name, when there was one (e.g. `AccessDeniedException`). */
  awsErrorName?: string;
}

/** Data or a typed error, never both. @public */
export type SourceResult<T> =
  | { ok: true; data: T; fetchedAt: string }
  | { ok: false; error: SourceError; fetchedAt: string };

/** Normalised status of a run, a stage, a build or a phase. @public */
export type RunStatus =
  | 'succeeded'
  | 'failed'
  | 'in-progress'
  | 'stopped'
  | 'superseded'
  | 'cancelled'
  | 'pending'
  | 'unknown';

/** @public */
export interface PipelineStageStatus {
  name: string;
  status: RunStatus;
  /** The newest action execution's summary, e.g. a build id or error. */
  summary?: string;
  lastChangedAt?: string;
  /** The execution this status belongs to. */
  pipelineExecutionId?: string;
}

/** @public */
export interface PipelineExecution {
  id: string;
  status: RunStatus;
  /** The raw CodePipeline status, e.g. `InProgress`. */
  rawStatus: string;
  trigger?: { type: string; detail?: string };
  sourceRevision?: { commitId: string; message?: string; url?: string };
  startedAt?: string;
  endedAt?: string;
  consoleUrl: string;
}

/** @public */
export interface PipelineInfo {
  name: string;
  consoleUrl: string;
  sourceBranch?: string;
  stages: string[];
  /** Newest first. */
  executions: PipelineExecution[];
  /** Per-stage status of the newest execution (from the pipeline state). */
  latestStageStates: PipelineStageStatus[];
}

/** @public */
export interface BuildPhase {
  name: string;
  status: RunStatus;
  durationSeconds?: number;
}

/** @public */
export interface BuildInfo {
  id: string;
  number?: number;
  status: RunStatus;
  rawStatus: string;
  sourceVersion?: string;
  startedAt?: string;
  endedAt?: string;
  phases: BuildPhase[];
  logsUrl?: string;
  consoleUrl: string;
}

/** @public */
export interface BuildsInfo {
  projectName: string;
  consoleUrl: string;
  /** Newest first. */
  builds: BuildInfo[];
}

/** @public */
export interface ScanFindings {
  status?: string;
  /** Counts by severity, e.g. `{ CRITICAL: 0, HIGH: 2 }`. */
  bySeverity: Record<string, number>;
}

/** @public */
export interface ImageInfo {
  digest: string;
  tags: string[];
  pushedAt?: string;
  sizeBytes?: number;
  scan?: ScanFindings;
}

/** @public */
export interface ImagesInfo {
  repositoryName: string;
  repositoryUri?: string;
  consoleUrl: string;
  /** Newest push first. */
  images: ImageInfo[];
  /** The digest the environment tag (e.g. `dev`) points at. */
  environmentTagDigest?: string;
  environmentTag: string;
}

/** @public */
export interface FunctionVersion {
  version: string;
  imageDigest?: string;
  description?: string;
  lastModified?: string;
}

/** @public */
export interface FunctionAlias {
  name: string;
  version: string;
  /** Weighted routing to a second version, e.g. `{ '7': 0.1 }`. */
  routing?: Record<string, number>;
}

/** @public */
export interface FunctionInfo {
  name: string;
  arn: string;
  consoleUrl: string;
  state?: string;
  stateReason?: string;
  lastUpdateStatus?: string;
  lastUpdateStatusReason?: string;
  lastModified?: string;
  imageUri?: string;
  /** The digest Lambda resolved the image URI to. */
  resolvedImageDigest?: string;
  architecture?: string;
  memoryMb?: number;
  timeoutSeconds?: number;
  reservedConcurrency?: number;
  /** The function's tags (e.g. the target group tag of external apps). */
  tags?: Record<string, string>;
  /** Newest first; `$LATEST` excluded. */
  versions: FunctionVersion[];
  aliases: FunctionAlias[];
}

/** @public */
export interface TargetHealth {
  id: string;
  state: string;
  reason?: string;
  description?: string;
}

/** @public */
export interface EndpointInfo {
  url: string;
  exposure: 'internal' | 'external';
  targetGroupName?: string;
  /** External apps only. */
  targetHealth?: TargetHealth[];
}

/** What the backend derives from the sources above. @public */
export interface DerivedDeploymentState {
  /** The commit live in this environment: function digest → image tag. */
  liveCommit?: { sha: string; message?: string; url?: string };
  liveImageTag?: string;
  /** The digest the `live` alias's version runs (else `$LATEST`'s). */
  liveImageDigest?: string;
  liveVersion?: string;
  /** The function does not run the image the environment tag points at. */
  imageDrift: boolean;
  /** The alias does not point at the newest published version. */
  aliasBehindLatest: boolean;
}

/** One environment of an entity. @public */
export interface EnvironmentDeployment {
  environment: string;
  branch: string;
  production: boolean;
  region: string;
  deploymentsAccountId: string;
  workloadsAccountId: string;
  url: string;
  pipeline: SourceResult<PipelineInfo>;
  builds: SourceResult<BuildsInfo>;
  images: SourceResult<ImagesInfo>;
  function: SourceResult<FunctionInfo>;
  endpoint: SourceResult<EndpointInfo>;
  derived: DerivedDeploymentState;
}

/** The whole response. @public */
export interface EntityDeployments {
  entityRef: string;
  app: string;
  /** In promotion order. */
  environments: EnvironmentDeployment[];
  generatedAt: string;
}
