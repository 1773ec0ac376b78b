import { StartPipelineExecutionCommand } from '@aws-sdk/client-codepipeline';
import type { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import {
  EntityDeployments,
  EnvironmentDeployment,
  getLambdaAppName,
  getLambdaExposure,
  NamingRuleError,
  PavedRoadEnvironment,
  ResourceNames,
  SourceResult,
  LAMBDA_APP_ANNOTATION,
  TARGET_GROUP_ARN_TAG,
} from '@lambda-paved-road/plugin-lambda-paved-road-common';
import type { ActionExecutionDetail } from '@aws-sdk/client-codepipeline';
import type { AwsClientFactory, AccountClients } from './awsClients';
import { deriveState } from './derive';
import { resourceNamesFor } from './resourceNamesFor';
import { SourceTarget, toSourceError } from './sourceErrors';
import { StableCache } from './stableCache';
import { listActionExecutions } from './sources/actionExecutions';
import { readBuilds } from './sources/builds';
import { readEndpoint } from './sources/endpoint';
import { readImages } from './sources/images';
import { readFunction } from './sources/lambdaFunction';
import { readPipeline } from './sources/pipeline';

/** Reads an entity's deployments across the configured environments. @public */
export interface DeploymentsService {
  /** One record per environment, in promotion order; sources fail independently. */
  getDeployments(entity: Entity): Promise<EntityDeployments>;
  /** Starts the environment's pipeline; returns the new execution's id. */
  startPipeline(entity: Entity, environment: string): Promise<{ pipelineExecutionId: string }>;
}

export interface DeploymentsServiceOptions {
  environments: PavedRoadEnvironment[];
  clients: AwsClientFactory;
  cache: CacheService;
  logger: LoggerService;
  cacheTtlMs: number;
  /** How long finished builds and target group ARNs looked up by name are kept. */
  stableCacheTtlMs: number;
  /** For error messages. */
  awsTimeoutMs: number;
}

type SourceName = 'pipeline' | 'builds' | 'images' | 'function' | 'endpoint';

// Bump when the cached shape changes, so old entries are not read back.
const CACHE_VERSION = 'v1';

/**
 * The default {@link DeploymentsService}: fans out per environment and
 * source in parallel; each source's result is cached (per entity,
 * environment and source) and concurrent identical reads share one AWS round
 * trip. Only answers that will not change on retry (data, NOT_FOUND) are
 * cached; transient errors are retried by the next view.
 */
export class DefaultDeploymentsService implements DeploymentsService {
  private readonly inFlight = new Map<string, Promise<SourceResult<unknown>>>();
  private readonly stable: StableCache;

  constructor(private readonly options: DeploymentsServiceOptions) {
    this.stable = new StableCache(options.cache, options.stableCacheTtlMs);
  }

  async getDeployments(entity: Entity): Promise<EntityDeployments> {
    const { app, entityRef } = this.appOf(entity);
    const exposure = getLambdaExposure(entity);
    const environments = await Promise.all(
      this.options.environments.map(env =>
        this.environment(entity, entityRef, app, exposure, env),
      ),
    );
    return { entityRef, app, environments, generatedAt: new Date().toISOString() };
  }

  async startPipeline(entity: Entity, environment: string) {
    const { app, entityRef } = this.appOf(entity);
    const env = this.options.environments.find(e => e.name === environment);
    if (!env) {
      throw new NotFoundError(
        `No environment "${environment}"; configured: ${this.options.environments.map(e => e.name).join(', ')}`,
      );
    }
    const names = this.namesOf(entity, app, env);
    const target: SourceTarget = {
      what: `CodePipeline pipeline "${names.pipelineName}"`,
      accountId: env.deploymentsAccountId,
      region: env.region,
    };
    try {
      const clients = await this.options.clients.forAccount(env.deploymentsAccountId, env.region);
      target.roleArn = clients.roleArn;
      const out = await clients.codePipeline.send(
        new StartPipelineExecutionCommand({ name: names.pipelineName }),
      );
      await this.forget(this.cacheKey(entityRef, env, 'pipeline', names.pipelineName));
      return { pipelineExecutionId: out.pipelineExecutionId! };
    } catch (e) {
      const error = toSourceError(e, target, this.options.awsTimeoutMs);
      if (error.code === 'NOT_FOUND') throw new NotFoundError(error.message);
      throw new ServiceUnavailableError(error.message);
    }
  }

  private appOf(entity: Entity) {
    const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
    const app = getLambdaAppName(entity);
    if (!app) {
      throw new InputError(
        `Entity ${entityRef} has no ${LAMBDA_APP_ANNOTATION} annotation, so it is not a Lambda Paved Road app`,
      );
    }
    return { app, entityRef };
  }

  private namesOf(entity: Entity, app: string, env: PavedRoadEnvironment): ResourceNames {
    try {
      return resourceNamesFor(entity, app, env);
    } catch (e) {
      if (e instanceof NamingRuleError) {
        throw new InputError(`The ${LAMBDA_APP_ANNOTATION} annotation is not a valid app name: ${e.message}`);
      }
      throw e;
    }
  }

  private async environment(
    entity: Entity,
    entityRef: string,
    app: string,
    exposure: 'internal' | 'external',
    env: PavedRoadEnvironment,
  ): Promise<EnvironmentDeployment> {
    const names = this.namesOf(entity, app, env);
    const deployments = env.deploymentsAccountId;
    const workloads = env.workloadsAccountId;
    const source = <T>(
      name: SourceName,
      resource: string,
      target: SourceTarget,
      read: (clients: AccountClients) => Promise<T>,
    ) =>
      this.cached(this.cacheKey(entityRef, env, name, resource), target, read) as Promise<SourceResult<T>>;
    const at = (accountId: string, what: string): SourceTarget => ({ what, accountId, region: env.region });

    // The pipeline and builds sources both read the pipeline's action
    // executions: whichever runs first makes the one call for both.
    let actions: Promise<ActionExecutionDetail[]> | undefined;
    const actionExecutions = (c: AccountClients) => (actions ??= listActionExecutions(c, names.pipelineName));

    // The endpoint needs only the function's tags: it starts when GetFunction
    // answers (or the cached function is read), not after every version page.
    let tagsKnown!: (tags: Record<string, string> | undefined) => void;
    const tags = new Promise<Record<string, string> | undefined>(resolve => (tagsKnown = resolve));
    const fn = source('function', names.functionName, at(workloads, `Lambda function "${names.functionName}"`), c =>
      readFunction(c, names.functionName, tagsKnown),
    );
    fn.then(r => tagsKnown(r.ok ? r.data.tags : undefined));
    const [pipeline, builds, images, , endpoint] = await Promise.all([
      source('pipeline', names.pipelineName, at(deployments, `CodePipeline pipeline "${names.pipelineName}"`), c =>
        readPipeline(c, names.pipelineName, actionExecutions(c), env.branch),
      ),
      source(
        'builds',
        names.codeBuildProjectName,
        at(deployments, `CodePipeline pipeline "${names.pipelineName}" and its CodeBuild project "${names.codeBuildProjectName}"`),
        c => readBuilds(c, names.codeBuildProjectName, actionExecutions(c), this.stable),
      ),
      source('images', names.ecrRepositoryName, at(workloads, `ECR repository "${names.ecrRepositoryName}"`), c =>
        readImages(c, names.ecrRepositoryName, env.name),
      ),
      fn,
      exposure === 'internal'
        ? this.now(readEndpoint(undefined, names.url, exposure, names.targetGroupName, Promise.resolve(undefined)))
        : source('endpoint', names.targetGroupName, at(workloads, `ALB target group "${names.targetGroupName}"`), c =>
            readEndpoint(
              c,
              names.url,
              exposure,
              names.targetGroupName,
              // The function's tag names the group.
              tags.then(t => t?.[TARGET_GROUP_ARN_TAG]),
              this.stable,
            ),
          ),
    ]);
    const fnResult = await fn;
    return {
      environment: env.name,
      branch: env.branch,
      production: env.production,
      region: env.region,
      deploymentsAccountId: deployments,
      workloadsAccountId: workloads,
      url: names.url,
      pipeline,
      builds,
      images,
      function: fnResult,
      endpoint,
      derived: deriveState(pipeline, images, fnResult),
    };
  }

  private async now<T>(data: Promise<T>): Promise<SourceResult<T>> {
    return { ok: true, data: await data, fetchedAt: new Date().toISOString() };
  }

  private cacheKey(entityRef: string, env: PavedRoadEnvironment, source: SourceName, resource: string) {
    return `${CACHE_VERSION}:${entityRef}:${env.name}:${source}:${env.region}:${resource}`;
  }

  /** Cache, else the one in-flight read of this key, else a new read. */
  private cached<T>(
    key: string,
    target: SourceTarget,
    read: (clients: AccountClients) => Promise<T>,
  ): Promise<SourceResult<T>> {
    const pending = this.inFlight.get(key);
    if (pending) return pending as Promise<SourceResult<T>>;
    const promise = (async (): Promise<SourceResult<T>> => {
      const hit = await this.options.cache.get(key).catch(e => {
        this.options.logger.warn(`Cache read failed for ${key}: ${e}`);
        return undefined;
      });
      if (hit) return hit as unknown as SourceResult<T>;
      const result = await this.read(target, read);
      if (result.ok || result.error.code === 'NOT_FOUND') {
        await this.options.cache
          .set(key, result as any, { ttl: this.options.cacheTtlMs })
          .catch(e => this.options.logger.warn(`Cache write failed for ${key}: ${e}`));
      }
      return result;
    })().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  private async read<T>(
    target: SourceTarget,
    read: (clients: AccountClients) => Promise<T>,
  ): Promise<SourceResult<T>> {
    try {
      const clients = await this.options.clients.forAccount(target.accountId, target.region);
      target.roleArn = clients.roleArn;
      const data = await read(clients);
      return { ok: true, data, fetchedAt: new Date().toISOString() };
    } catch (e) {
      const error = toSourceError(e, target, this.options.awsTimeoutMs);
      if (error.code !== 'NOT_FOUND') {
        this.options.logger.warn(`${error.code} reading ${target.what} in ${target.accountId}: ${error.awsErrorName ?? ''} ${(e as Error)?.message ?? ''}`);
      }
      return { ok: false, error, fetchedAt: new Date().toISOString() };
    }
  }

  private async forget(key: string) {
    await this.options.cache.delete(key).catch(() => undefined);
  }
}
