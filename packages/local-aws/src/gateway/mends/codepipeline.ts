/**
 * CodePipeline mend. What moto gets wrong for the JavaScript SDK:
 * - it has no execution history: ListPipelineExecutions, GetPipelineExecution,
 *   GetPipelineState, ListActionExecutions and StartPipelineExecution answer
 *   500 (not implemented);
 * - GetPipeline and ListPipelines send `created`/`updated` as ISO strings where
 *   the JSON protocol (and so the SDK's deserializer) wants epoch seconds.
 *
 * This mend keeps an in-memory execution store per account + region +
 * pipeline, answers those five operations from it (checking the pipeline
 * against moto, so unknown pipelines fail as in AWS), and fixes the
 * timestamps. It remembers each pipeline's definition after reading it once
 * (forgotten when the pipeline is created, updated or deleted through the
 * gateway), so an emulated call costs moto nothing: moto answers one request
 * at a time, and a view of four environments would otherwise queue behind it.
 * The harness records executions through its control routes:
 *
 *   POST /_gateway/codepipeline/executions        record one (see {@link RecordExecutionInput})
 *   POST /_gateway/codepipeline/executions/<id>   update its status / stages / end time
 *   GET  /_gateway/codepipeline/executions        every recorded execution
 */
import crypto from 'node:crypto';
import type { Mend, MendContext } from '../gateway';
import { awsError, GatewayResponse, jsonResponse } from '../errors';
import type { AwsCall } from '../requestInfo';
import { callAs, isOk, parseJson, toEpochSeconds, withJsonBody } from './shared';

/** CodePipeline's execution statuses. */
export type PipelineExecutionStatus =
  | 'Cancelled'
  | 'InProgress'
  | 'Stopped'
  | 'Stopping'
  | 'Succeeded'
  | 'Superseded'
  | 'Failed';

/** CodePipeline's stage statuses. */
export type StageExecutionStatus =
  | 'Cancelled'
  | 'InProgress'
  | 'Failed'
  | 'Stopped'
  | 'Stopping'
  | 'Succeeded'
  | 'Skipped';

/** One stage of a recorded execution. */
export interface RecordedStageState {
  name: string;
  status: StageExecutionStatus;
  /** The action's summary, e.g. a build id or an error message. */
  summary?: string;
  /** E.g. the CodeBuild build id the stage's action ran. */
  externalExecutionId?: string;
}

/** The body of `POST /_gateway/codepipeline/executions`. */
export interface RecordExecutionInput {
  accountId: string;
  region: string;
  pipelineName: string;
  status: PipelineExecutionStatus;
  statusSummary?: string;
  sourceRevision?: { commitId: string; message?: string; url?: string };
  /**
   * Per-stage states; omitted, they follow from the status and the
   * pipeline's stages (all succeeded; or the last one failed / in progress).
   */
  stages?: RecordedStageState[];
  /** ISO-8601; default now. */
  startTime?: string;
  /** ISO-8601; default the start time for a finished execution. */
  endTime?: string;
  trigger?: { type: string; detail?: string };
  pipelineVersion?: number;
  /** Defaults to a random UUID, as AWS's ids are. */
  pipelineExecutionId?: string;
}

interface StoredExecution {
  key: string;
  pipelineExecutionId: string;
  pipelineName: string;
  pipelineVersion: number;
  status: PipelineExecutionStatus;
  statusSummary?: string;
  /** Epoch seconds. */
  startTime: number;
  lastUpdateTime: number;
  sourceRevision?: { commitId: string; message?: string; url?: string };
  stages?: RecordedStageState[];
  trigger: { triggerType: string; triggerDetail?: string };
  /** Insertion order breaks ties between equal start times. */
  seq: number;
}

interface ActionDefinition {
  name: string;
  actionTypeId?: { category?: string; owner?: string; provider?: string; version?: string };
  configuration?: Record<string, string>;
  inputArtifacts?: Array<{ name: string }>;
  outputArtifacts?: Array<{ name: string }>;
  namespace?: string;
  region?: string;
  roleArn?: string;
}

interface PipelineDefinition {
  pipeline: {
    name: string;
    version?: number;
    executionMode?: string;
    stages: Array<{ name: string; actions: ActionDefinition[] }>;
  };
  metadata?: { created?: number; updated?: number };
}

const EXECUTION_STATUSES: PipelineExecutionStatus[] = [
  'Cancelled',
  'InProgress',
  'Stopped',
  'Stopping',
  'Succeeded',
  'Superseded',
  'Failed',
];
const STAGE_STATUSES: StageExecutionStatus[] = [
  'Cancelled',
  'InProgress',
  'Failed',
  'Stopped',
  'Stopping',
  'Succeeded',
  'Skipped',
];
const TARGET = 'CodePipeline_20150709';
/** Calls after which a remembered definition is stale. */
const CHANGES_DEFINITION = new Set(['CreatePipeline', 'UpdatePipeline', 'DeletePipeline']);

const storeKey = (accountId: string, region: string, pipeline: string) =>
  `${accountId}/${region}/${pipeline}`;

const epochOf = (iso: string | undefined, fallback: number, what: string) => {
  if (iso === undefined) return fallback;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`${what} "${iso}" is not an ISO-8601 date`);
  return ms / 1000;
};

function checkRecordInput(input: any): string | undefined {
  if (!input || typeof input !== 'object') return 'body must be a JSON object';
  for (const key of ['accountId', 'region', 'pipelineName'] as const) {
    if (typeof input[key] !== 'string' || !input[key]) return `${key} is required`;
  }
  if (!EXECUTION_STATUSES.includes(input.status)) {
    return `status must be one of ${EXECUTION_STATUSES.join(', ')}`;
  }
  return checkStages(input.stages);
}

function checkStages(stages: any): string | undefined {
  if (stages === undefined) return undefined;
  if (!Array.isArray(stages)) return 'stages must be an array';
  for (const s of stages) {
    if (typeof s?.name !== 'string') return 'every stage needs a name';
    if (!STAGE_STATUSES.includes(s.status)) {
      return `stage "${s.name}" status must be one of ${STAGE_STATUSES.join(', ')}`;
    }
  }
  return undefined;
}

/** Stage states of an execution, derived from its status when not recorded. */
function stageStatesOf(
  exec: StoredExecution,
  stageNames: string[],
): RecordedStageState[] {
  if (exec.stages) return exec.stages;
  const last = stageNames.length - 1;
  const lastStatus: Record<PipelineExecutionStatus, StageExecutionStatus> = {
    Succeeded: 'Succeeded',
    Failed: 'Failed',
    InProgress: 'InProgress',
    Stopped: 'Stopped',
    Stopping: 'Stopping',
    Cancelled: 'Cancelled',
    Superseded: 'Cancelled',
  };
  return stageNames.map((name, i) => ({
    name,
    status: i < last ? 'Succeeded' : lastStatus[exec.status],
  }));
}

/** An action's status (InProgress | Abandoned | Succeeded | Failed) from its stage's. */
function actionStatusOf(stage: StageExecutionStatus): string {
  if (stage === 'Cancelled' || stage === 'Stopped' || stage === 'Stopping') return 'Abandoned';
  if (stage === 'Skipped') return 'Succeeded';
  return stage;
}

/**
 * ListActionExecutions' details for one execution, latest stage first. The
 * stages share the execution's time span in order; each action carries its
 * definition's configuration, and the recorded build id as its external
 * execution (as CodeBuild actions do in AWS).
 */
function actionExecutionsOf(exec: StoredExecution, def: PipelineDefinition, region: string) {
  const stageNames = def.pipeline.stages.map(s => s.name);
  const states = stageStatesOf(exec, stageNames);
  const span = Math.max(0, exec.lastUpdateTime - exec.startTime);
  return states
    .flatMap((state, i) => {
      const stage = def.pipeline.stages.find(s => s.name === state.name);
      const startTime = exec.startTime + (span * i) / states.length;
      const lastUpdateTime = i === states.length - 1 ? exec.lastUpdateTime : exec.startTime + (span * (i + 1)) / states.length;
      const status = actionStatusOf(state.status);
      return (stage?.actions ?? []).map(action => {
        const isSource = action.actionTypeId?.category === 'Source';
        const finished = status !== 'InProgress';
        const executionResult =
          state.externalExecutionId || state.summary || status === 'Failed'
            ? {
                externalExecutionId: state.externalExecutionId,
                externalExecutionSummary: state.summary,
                errorDetails:
                  status === 'Failed' ? { code: 'JobFailed', message: state.summary ?? 'Action failed' } : undefined,
              }
            : undefined;
        return {
          pipelineExecutionId: exec.pipelineExecutionId,
          actionExecutionId: `${exec.pipelineExecutionId}-${state.name}-${action.name}`,
          pipelineVersion: exec.pipelineVersion,
          stageName: state.name,
          actionName: action.name,
          startTime,
          lastUpdateTime,
          status,
          input: {
            actionTypeId: action.actionTypeId,
            configuration: action.configuration ?? {},
            resolvedConfiguration: action.configuration ?? {},
            region: action.region ?? region,
            roleArn: action.roleArn,
            inputArtifacts: action.inputArtifacts ?? [],
            namespace: action.namespace,
          },
          output: {
            outputArtifacts: finished ? action.outputArtifacts ?? [] : [],
            executionResult,
            outputVariables:
              isSource && exec.sourceRevision && finished
                ? {
                    CommitId: exec.sourceRevision.commitId,
                    ...(exec.sourceRevision.message ? { CommitMessage: exec.sourceRevision.message } : {}),
                    ...(action.configuration?.BranchName ? { BranchName: action.configuration.BranchName } : {}),
                  }
                : {},
          },
        };
      });
    })
    .reverse();
}

/** The CodePipeline mend (see the file comment). */
export function codePipelineMend(): Mend {
  let executions: StoredExecution[] = [];
  let seq = 0;
  let definitions = new Map<string, PipelineDefinition>();

  const newestFirst = (a: StoredExecution, b: StoredExecution) =>
    b.startTime - a.startTime || b.seq - a.seq;

  const record = (input: RecordExecutionInput): StoredExecution => {
    const now = Date.now() / 1000;
    const startTime = epochOf(input.startTime, now, 'startTime');
    const finished = input.status !== 'InProgress' && input.status !== 'Stopping';
    const exec: StoredExecution = {
      key: storeKey(input.accountId, input.region, input.pipelineName),
      pipelineExecutionId: input.pipelineExecutionId ?? crypto.randomUUID(),
      pipelineName: input.pipelineName,
      pipelineVersion: input.pipelineVersion ?? 1,
      status: input.status,
      statusSummary: input.statusSummary,
      startTime,
      lastUpdateTime: epochOf(input.endTime, finished ? startTime : now, 'endTime'),
      sourceRevision: input.sourceRevision,
      stages: input.stages,
      trigger: {
        triggerType: input.trigger?.type ?? 'WebhookV2',
        triggerDetail: input.trigger?.detail,
      },
      seq: seq++,
    };
    // Recording the same id twice replaces it, so seeding stays idempotent.
    executions = executions.filter(
      e => !(e.key === exec.key && e.pipelineExecutionId === exec.pipelineExecutionId),
    );
    executions.push(exec);
    return exec;
  };

  const summaryOf = (e: StoredExecution, executionMode?: string) => ({
    pipelineExecutionId: e.pipelineExecutionId,
    status: e.status,
    statusSummary: e.statusSummary,
    startTime: e.startTime,
    lastUpdateTime: e.lastUpdateTime,
    sourceRevisions: e.sourceRevision
      ? [
          {
            actionName: 'Source',
            revisionId: e.sourceRevision.commitId,
            revisionSummary: e.sourceRevision.message,
            revisionUrl: e.sourceRevision.url,
          },
        ]
      : [],
    trigger: e.trigger,
    executionMode: executionMode ?? 'QUEUED',
    executionType: 'STANDARD',
  });

  const keyOf = (call: AwsCall, pipeline: string) =>
    storeKey(call.accountId ?? 'unknown', call.region ?? 'us-east-1', pipeline);

  /** Loads the pipeline from moto; a non-2xx answer is returned as the error. */
  const loadPipeline = async (
    call: AwsCall,
    ctx: MendContext,
    name: unknown,
  ): Promise<PipelineDefinition | GatewayResponse> => {
    if (typeof name !== 'string' || !name) {
      return awsError(call, 400, 'ValidationException', 'pipelineName is required');
    }
    const known = definitions.get(keyOf(call, name));
    if (known) return known;
    const res = await ctx.forward(callAs(call, 'codepipeline', `${TARGET}.GetPipeline`, { name }));
    if (!isOk(res)) return res;
    const def = parseJson(res.body) as PipelineDefinition;
    definitions.set(keyOf(call, name), def);
    return def;
  };

  const operations: Record<
    string,
    (call: AwsCall, input: any, ctx: MendContext) => Promise<GatewayResponse>
  > = {
    async ListPipelineExecutions(call, input, ctx) {
      const def = await loadPipeline(call, ctx, input.pipelineName);
      if ('status' in def) return def;
      const key = keyOf(call, def.pipeline.name);
      const all = executions.filter(e => e.key === key).sort(newestFirst);
      const start = input.nextToken ? Number(input.nextToken) : 0;
      const max = input.maxResults ?? 100;
      const page = all.slice(start, start + max);
      return jsonResponse({
        pipelineExecutionSummaries: page.map(e => summaryOf(e, def.pipeline.executionMode)),
        nextToken: start + max < all.length ? String(start + max) : undefined,
      });
    },

    async GetPipelineExecution(call, input, ctx) {
      const def = await loadPipeline(call, ctx, input.pipelineName);
      if ('status' in def) return def;
      const key = keyOf(call, def.pipeline.name);
      const e = executions.find(
        x => x.key === key && x.pipelineExecutionId === input.pipelineExecutionId,
      );
      if (!e) {
        return awsError(
          call,
          400,
          'PipelineExecutionNotFoundException',
          `Pipeline execution ${input.pipelineExecutionId} not found in pipeline ${def.pipeline.name}`,
        );
      }
      return jsonResponse({
        pipelineExecution: {
          pipelineName: e.pipelineName,
          pipelineVersion: e.pipelineVersion,
          pipelineExecutionId: e.pipelineExecutionId,
          status: e.status,
          statusSummary: e.statusSummary,
          artifactRevisions: e.sourceRevision
            ? [
                {
                  name: 'SourceArtifact',
                  revisionId: e.sourceRevision.commitId,
                  revisionSummary: e.sourceRevision.message,
                  revisionUrl: e.sourceRevision.url,
                  created: e.startTime,
                },
              ]
            : [],
          trigger: e.trigger,
          executionMode: def.pipeline.executionMode ?? 'QUEUED',
          executionType: 'STANDARD',
        },
      });
    },

    async GetPipelineState(call, input, ctx) {
      const def = await loadPipeline(call, ctx, input.name);
      if ('status' in def) return def;
      const key = keyOf(call, def.pipeline.name);
      const mine = executions.filter(e => e.key === key).sort(newestFirst);
      const stageNames = def.pipeline.stages.map(s => s.name);
      return jsonResponse({
        pipelineName: def.pipeline.name,
        pipelineVersion: def.pipeline.version ?? 1,
        created: toEpochSeconds(def.metadata?.created),
        updated: toEpochSeconds(def.metadata?.updated),
        stageStates: def.pipeline.stages.map(stage => {
          // A stage shows the newest execution that reached it.
          let latest: { exec: StoredExecution; state: RecordedStageState } | undefined;
          for (const exec of mine) {
            const state = stageStatesOf(exec, stageNames).find(s => s.name === stage.name);
            if (state) {
              latest = { exec, state };
              break;
            }
          }
          return {
            stageName: stage.name,
            inboundTransitionState: { enabled: true },
            latestExecution: latest
              ? {
                  pipelineExecutionId: latest.exec.pipelineExecutionId,
                  status: latest.state.status,
                }
              : undefined,
            actionStates: stage.actions.map(action => ({
              actionName: action.name,
              currentRevision:
                latest && action.actionTypeId?.category === 'Source' && latest.exec.sourceRevision
                  ? { revisionId: latest.exec.sourceRevision.commitId }
                  : undefined,
              latestExecution: latest
                ? {
                    actionExecutionId: `${latest.exec.pipelineExecutionId}-${stage.name}-${action.name}`,
                    status: actionStatusOf(latest.state.status),
                    summary: latest.state.summary,
                    lastStatusChange: latest.exec.lastUpdateTime,
                    externalExecutionId: latest.state.externalExecutionId,
                    errorDetails:
                      latest.state.status === 'Failed'
                        ? { code: 'JobFailed', message: latest.state.summary ?? 'Action failed' }
                        : undefined,
                  }
                : undefined,
            })),
          };
        }),
      });
    },

    async ListActionExecutions(call, input, ctx) {
      const def = await loadPipeline(call, ctx, input.pipelineName);
      if ('status' in def) return def;
      const max = input.maxResults ?? 100;
      if (!Number.isInteger(max) || max < 1 || max > 100) {
        return awsError(call, 400, 'ValidationException', 'maxResults must be between 1 and 100');
      }
      const key = keyOf(call, def.pipeline.name);
      const only: string | undefined =
        input.filter?.pipelineExecutionId ?? input.filter?.latestInPipelineExecution?.pipelineExecutionId;
      const mine = executions
        .filter(e => e.key === key && (!only || e.pipelineExecutionId === only))
        .sort(newestFirst);
      if (only && !mine.length) {
        return awsError(
          call,
          400,
          'PipelineExecutionNotFoundException',
          `Pipeline execution ${only} not found in pipeline ${def.pipeline.name}`,
        );
      }
      const all = mine.flatMap(e => actionExecutionsOf(e, def, call.region ?? 'us-east-1'));
      const start = input.nextToken ? Number(input.nextToken) : 0;
      return jsonResponse({
        actionExecutionDetails: all.slice(start, start + max),
        nextToken: start + max < all.length ? String(start + max) : undefined,
      });
    },

    async StartPipelineExecution(call, input, ctx) {
      const def = await loadPipeline(call, ctx, input.name);
      if ('status' in def) return def;
      const key = keyOf(call, def.pipeline.name);
      const previous = executions.filter(e => e.key === key).sort(newestFirst)[0];
      const override = Array.isArray(input.sourceRevisions)
        ? input.sourceRevisions.find((r: any) => r?.revisionType === 'COMMIT_ID')
        : undefined;
      const stageNames = def.pipeline.stages.map(s => s.name);
      const exec = record({
        accountId: call.accountId ?? 'unknown',
        region: call.region ?? 'us-east-1',
        pipelineName: def.pipeline.name,
        pipelineVersion: def.pipeline.version,
        status: 'InProgress',
        sourceRevision: override
          ? { commitId: String(override.revisionValue) }
          : previous?.sourceRevision,
        trigger: { type: 'StartPipelineExecution' },
        // The source stage has run; the next one is in progress.
        stages: stageNames.slice(0, 2).map((name, i) => ({
          name,
          status: i === 0 && stageNames.length > 1 ? 'Succeeded' : 'InProgress',
        })),
      });
      return jsonResponse({ pipelineExecutionId: exec.pipelineExecutionId });
    },
  };

  return {
    name: 'codepipeline',

    async handle(call, ctx) {
      if (call.service !== 'codepipeline') return undefined;
      if (CHANGES_DEFINITION.has(call.operation)) {
        const input = parseJson(call.body);
        const name = input?.pipeline?.name ?? input?.name;
        if (typeof name === 'string') definitions.delete(keyOf(call, name));
        return undefined;
      }
      const op = operations[call.operation];
      if (!op) return undefined;
      const input = parseJson(call.body);
      if (input === undefined) {
        return awsError(call, 400, 'SerializationException', 'request body is not JSON');
      }
      return op(call, input, ctx);
    },

    async rewrite(call, response) {
      if (call.service !== 'codepipeline' || !isOk(response)) return response;
      if (call.operation === 'GetPipeline') {
        const out = parseJson(response.body);
        if (out?.metadata) {
          out.metadata.created = toEpochSeconds(out.metadata.created);
          out.metadata.updated = toEpochSeconds(out.metadata.updated);
          if (out.metadata.pollingDisabledAt) {
            out.metadata.pollingDisabledAt = toEpochSeconds(out.metadata.pollingDisabledAt);
          }
        }
        return withJsonBody(response, out);
      }
      if (call.operation === 'ListPipelines') {
        const out = parseJson(response.body);
        for (const p of out?.pipelines ?? []) {
          p.created = toEpochSeconds(p.created);
          p.updated = toEpochSeconds(p.updated);
        }
        return withJsonBody(response, out);
      }
      return response;
    },

    async control(path, method, body: any) {
      if (path === '/executions' && method === 'GET') {
        return {
          status: 200,
          body: executions.map(({ key: _key, seq: _seq, ...e }) => e),
        };
      }
      if (path === '/executions' && method === 'POST') {
        const problem = checkRecordInput(body);
        if (problem) return { status: 400, body: { error: problem } };
        try {
          const exec = record(body);
          return { status: 201, body: { pipelineExecutionId: exec.pipelineExecutionId } };
        } catch (e) {
          return { status: 400, body: { error: (e as Error).message } };
        }
      }
      const update = /^\/executions\/([^/]+)$/.exec(path);
      if (update && method === 'POST') {
        const exec = executions.find(e => e.pipelineExecutionId === update[1]);
        if (!exec) return { status: 404, body: { error: `no execution ${update[1]}` } };
        if (body?.status !== undefined && !EXECUTION_STATUSES.includes(body.status)) {
          return { status: 400, body: { error: `status must be one of ${EXECUTION_STATUSES.join(', ')}` } };
        }
        const problem = checkStages(body?.stages);
        if (problem) return { status: 400, body: { error: problem } };
        try {
          exec.lastUpdateTime = epochOf(body?.endTime, Date.now() / 1000, 'endTime');
        } catch (e) {
          return { status: 400, body: { error: (e as Error).message } };
        }
        if (body?.status) exec.status = body.status;
        if (body?.statusSummary !== undefined) exec.statusSummary = body.statusSummary;
        if (body?.stages) exec.stages = body.stages;
        return { status: 200, body: { pipelineExecutionId: exec.pipelineExecutionId } };
      }
      return undefined;
    },

    reset() {
      executions = [];
      seq = 0;
      definitions = new Map();
    },
  };
}
