import { mockCredentials } from '@backstage/backend-test-utils';
import { LambdaClient, ListTagsCommand, TagResourceCommand, UntagResourceCommand, UpdateAliasCommand } from '@aws-sdk/client-lambda';
import {
  accountClientConfig,
  DEMO_PIPELINE_STAGES,
  LocalAws,
  SeededDemoApp,
  seedDemoApp,
  startLocalAws,
} from '@lambda-paved-road/local-aws';
import { ConfigReader } from '@backstage/config';
import {
  EntityDeployments,
  EnvironmentDeployment,
  readEnvironments,
  SourceError,
  SourceResult,
  TARGET_GROUP_ARN_TAG,
} from '@lambda-paved-road/plugin-lambda-paved-road-common';
import request from 'supertest';
import { startPluginBackend, TEST_ENVIRONMENTS } from './__testUtils__/testBackend';

jest.setTimeout(90_000);

const environments = readEnvironments(
  new ConfigReader({
    lambdaPavedRoad: { domain: 'paved-road.example.com', region: 'us-east-1', environments: TEST_ENVIRONMENTS },
  }),
);
const path = '/api/lambda-paved-road/entity/default/component/hello-api/deployments';
const auth = () => ({ Authorization: mockCredentials.user.header() });

async function view(): Promise<EntityDeployments> {
  const { server } = await startPluginBackend();
  const res = await request(server).get(path).set(auth());
  expect(res.status).toBe(200);
  return res.body;
}

const ok = <T>(r: SourceResult<T>): T => {
  if (!r.ok) throw new Error(`expected data, got ${JSON.stringify(r.error)}`);
  return r.data;
};
const errorOf = (r: SourceResult<unknown>): SourceError => {
  if (r.ok) throw new Error('expected an error, got data');
  return r.error;
};

describe('deployments against the emulator', () => {
  let aws: LocalAws;
  const savedEnv = { ...process.env };
  beforeAll(async () => {
    aws = await startLocalAws();
    // What the local stack exports: the backend's SDK clients and the
    // credentials manager find the emulator through AWS_ENDPOINT_URL.
    Object.assign(process.env, aws.env);
  });
  afterAll(async () => {
    process.env = savedEnv;
    await aws?.stop();
  });

  describe('a seeded app', () => {
    let seeded: SeededDemoApp;
    beforeAll(async () => {
      await aws.reset();
      seeded = await seedDemoApp({ endpoint: aws.endpoint, environments });
    });
    beforeEach(() => {
      aws.setFaults([]);
      aws.gateway.resetStats();
    });

    it('reports every source of every environment as seeded', async () => {
      const body = await view();
      expect(body.entityRef).toBe('component:default/hello-api');
      expect(body.app).toBe('hello-api');
      expect(body.environments.map(e => e.environment)).toEqual(['dev', 'test', 'stage', 'prod']);

      for (const [i, env] of body.environments.entries()) {
        const s = seeded.environments[i];
        const cfg = environments[i];
        expect(env).toMatchObject({
          branch: cfg.branch,
          production: cfg.production,
          region: 'us-east-1',
          deploymentsAccountId: cfg.deploymentsAccountId,
          workloadsAccountId: cfg.workloadsAccountId,
          url: cfg.production
            ? 'https://hello-api.paved-road.example.com'
            : `https://${cfg.name}-hello-api.paved-road.example.com`,
        });
        const runsNewestFirst = [...s.deployments.runs].reverse();

        const pipeline = ok(env.pipeline);
        expect(pipeline.name).toBe(s.deployments.pipelineName);
        expect(pipeline.sourceBranch).toBe(cfg.branch);
        expect(pipeline.stages).toEqual(DEMO_PIPELINE_STAGES);
        expect(pipeline.consoleUrl).toContain(`/pipelines/${s.deployments.pipelineName}/`);
        expect(pipeline.executions.map(e => [e.id, e.status, e.sourceRevision?.commitId, e.sourceRevision?.message])).toEqual(
          runsNewestFirst.map(r => [r.pipelineExecutionId, r.status.toLowerCase(), r.commit.sha, r.commit.message]),
        );
        for (const [j, e] of pipeline.executions.entries()) {
          expect(e.startedAt).toBe(runsNewestFirst[j].startTime);
          expect(Date.parse(e.endedAt!)).toBeGreaterThan(Date.parse(e.startedAt!));
          expect(e.trigger?.type).toBe('WebhookV2');
          expect(e.sourceRevision?.url).toBe(`https://github.com/example-org/hello-api/commit/${runsNewestFirst[j].commit.sha}`);
        }
        const newest = runsNewestFirst[0];
        expect(pipeline.latestStageStates.map(st => [st.name, st.status])).toEqual(
          newest.status === 'Failed'
            ? [['Source', 'succeeded'], ['Build', 'failed'], ['Deploy', 'cancelled']]
            : DEMO_PIPELINE_STAGES.map(name => [name, 'succeeded']),
        );

        const builds = ok(env.builds);
        expect(builds.projectName).toBe(s.deployments.codeBuildProjectName);
        expect(builds.builds.map(b => [b.id, b.number, b.status, b.sourceVersion])).toEqual(
          runsNewestFirst.map(r => [r.buildId, r.buildNumber, r.buildStatus.toLowerCase(), r.commit.sha]),
        );
        for (const b of builds.builds) {
          expect(b.phases.map(p => p.name)).toContain('BUILD');
          expect(b.phases.every(p => typeof p.durationSeconds === 'number')).toBe(true);
          expect(Date.parse(b.endedAt!)).toBeGreaterThan(Date.parse(b.startedAt!));
          expect(b.logsUrl).toBeDefined();
        }
        expect(builds.builds[0].phases.find(p => p.name === 'BUILD')?.status).toBe(
          newest.buildStatus.toLowerCase(),
        );

        const images = ok(env.images);
        expect(images.repositoryName).toBe(s.workloads.repositoryName);
        expect(images.repositoryUri).toBe(s.workloads.repositoryUri);
        expect(images.environmentTag).toBe(cfg.name);
        expect(images.environmentTagDigest).toBe(s.workloads.environmentTagDigest);
        expect(
          images.images.map(im => [im.digest, [...im.tags].sort()]).sort(),
        ).toEqual(s.workloads.images.map(im => [im.digest, [...im.tags].sort()]).sort());
        expect(images.images.every(im => im.pushedAt && im.sizeBytes! > 0)).toBe(true);
        // Scan findings by severity, as the scan on push recorded them.
        for (const seededImage of s.workloads.images) {
          const shown = images.images.find(im => im.digest === seededImage.digest);
          expect(shown?.scan).toEqual({ status: 'COMPLETE', bySeverity: seededImage.scanFindings });
        }
        // Newest push first: the order "commits behind" is told from.
        expect(images.images.map(im => im.digest)).toEqual(
          [...s.workloads.images].reverse().map(im => im.digest),
        );

        const fn = ok(env.function);
        const live = s.workloads.versions[s.workloads.versions.length - 1];
        expect(fn).toMatchObject({
          name: s.workloads.functionName,
          arn: s.workloads.functionArn,
          state: 'Active',
          lastUpdateStatus: 'Successful',
          imageUri: `${s.workloads.repositoryUri}:${s.history.live.shortSha}`,
          resolvedImageDigest: live.digest,
          architecture: 'arm64',
          memoryMb: 512,
          timeoutSeconds: 30,
          aliases: [{ name: 'live', version: live.version }],
        });
        expect(fn.reservedConcurrency).toBe(s.workloads.reservedConcurrency);
        expect(fn.versions.map(v => [v.version, v.imageDigest, v.description])).toEqual(
          [...s.workloads.versions].reverse().map(v => [v.version, v.digest, v.description]),
        );

        const endpoint = ok(env.endpoint);
        expect(endpoint).toMatchObject({
          url: env.url,
          exposure: 'external',
          targetGroupName: s.workloads.targetGroupName,
          targetHealth: [{ id: `${s.workloads.functionArn}:live`, state: 'healthy' }],
        });

        expect(env.derived).toEqual({
          liveCommit: {
            sha: s.history.live.sha,
            message: s.history.live.message,
            url: `https://github.com/example-org/hello-api/commit/${s.history.live.sha}`,
          },
          liveImageTag: s.history.live.shortSha,
          liveImageDigest: live.digest,
          liveVersion: live.version,
          imageDrift: false,
          aliasBehindLatest: false,
        });
      }
    });

    it('reads an environment with at most 8 AWS calls: one action history serves pipeline and builds', async () => {
      await view();
      const ops = aws.gateway.stats().byOperation;
      const calls = Object.entries(ops)
        .filter(([op]) => !op.startsWith('sts.'))
        .reduce((n, [, c]) => n + c, 0);
      expect(ops['codepipeline.ListActionExecutions']).toBe(environments.length);
      // The function's tag names its target group: no lookup by name.
      expect(ops['elasticloadbalancing.DescribeTargetGroups']).toBeUndefined();
      expect(calls).toBeLessThanOrEqual(8 * environments.length);
    });

    it('finds the target group by name when the function lacks its tag', async () => {
      const dev = seeded.environments[0];
      const lambda = new LambdaClient(await accountClientConfig(aws.endpoint, 'us-east-1', dev.workloads.accountId));
      const { Tags } = await lambda.send(new ListTagsCommand({ Resource: dev.workloads.functionArn }));
      await lambda.send(new UntagResourceCommand({ Resource: dev.workloads.functionArn, TagKeys: [TARGET_GROUP_ARN_TAG] }));
      try {
        const body = await view();
        expect(ok(body.environments[0].endpoint).targetHealth).toEqual([
          expect.objectContaining({ id: `${dev.workloads.functionArn}:live`, state: 'healthy' }),
        ]);
        expect(aws.gateway.stats().byOperation['elasticloadbalancing.DescribeTargetGroups']).toBe(1);
      } finally {
        await lambda.send(
          new TagResourceCommand({ Resource: dev.workloads.functionArn, Tags: { [TARGET_GROUP_ARN_TAG]: Tags![TARGET_GROUP_ARN_TAG] } }),
        );
      }
    });

    it('shows a denied account as errors in its environment only', async () => {
      aws.setFaults([{ accountId: environments[2].workloadsAccountId, kind: 'access-denied' }]);
      const body = await view();
      const [dev, test, stage, prod] = body.environments;
      for (const source of ['images', 'function', 'endpoint'] as const) {
        const error = errorOf(stage[source]);
        expect(error.code).toBe('ACCESS_DENIED');
        expect(error.accountId).toBe(environments[2].workloadsAccountId);
        expect(error.message).toContain('lambda-paved-road-reader');
      }
      // The deployments account of the same environment still answers.
      expect(stage.pipeline.ok && stage.builds.ok).toBe(true);
      for (const env of [dev, test, prod]) {
        expect([env.pipeline, env.builds, env.images, env.function, env.endpoint].every(s => s.ok)).toBe(true);
      }
    });

    it('retries throttling with backoff', async () => {
      aws.setFaults([{ service: 'ecr', operation: 'DescribeImages', kind: 'throttle', times: 2 }]);
      const body = await view();
      expect(body.environments.every(e => e.images.ok)).toBe(true);
      // One call per environment, plus the two throttled attempts retried.
      expect(aws.gateway.stats().byOperation['ecr.DescribeImages']).toBe(environments.length + 2);
    });

    it('turns a call that never answers into TIMEOUT in that cell only', async () => {
      aws.setFaults([
        { service: 'lambda', operation: 'GetFunction', accountId: environments[0].workloadsAccountId, kind: 'timeout', delayMs: 5000 },
      ]);
      const body = await view();
      const dev = body.environments[0];
      const error = errorOf(dev.function);
      expect(error.code).toBe('TIMEOUT');
      expect(error.message).toContain('hello-api-dev');
      expect(dev.images.ok && dev.pipeline.ok && dev.builds.ok && dev.endpoint.ok).toBe(true);
      expect(body.environments.slice(1).every(e => e.function.ok)).toBe(true);
    });

    it('serves repeat and concurrent views from one round trip', async () => {
      const { server } = await startPluginBackend();
      const views = await Promise.all(
        Array.from({ length: 5 }, () => request(server).get(path).set(auth())),
      );
      expect(views.every(v => v.status === 200)).toBe(true);
      const afterConcurrent = aws.gateway.stats().total;
      aws.gateway.resetStats();
      const one = await startPluginBackend();
      await request(one.server).get(path).set(auth());
      // Five concurrent viewers cost what one costs.
      expect(afterConcurrent).toBe(aws.gateway.stats().total);
      aws.gateway.resetStats();
      await request(server).get(path).set(auth());
      expect(aws.gateway.stats().total).toBe(0);
    });
  });

  describe('drift and pipeline start', () => {
    let seeded: SeededDemoApp;
    beforeAll(async () => {
      await aws.reset();
      seeded = await seedDemoApp({ endpoint: aws.endpoint, environments });
    });

    const clientFor = (accountId: string) => accountClientConfig(aws.endpoint, 'us-east-1', accountId);

    it('flags an environment tag the function does not run and an alias behind the newest version', async () => {
      const dev = seeded.environments[0];
      const cfg = await clientFor(dev.workloads.accountId);
      const older = dev.workloads.versions[dev.workloads.versions.length - 2];
      await new LambdaClient(cfg).send(
        new UpdateAliasCommand({ FunctionName: dev.workloads.functionName, Name: 'live', FunctionVersion: older.version }),
      );
      const body = await view();
      const derived = body.environments[0].derived;
      expect(derived).toMatchObject({
        liveVersion: older.version,
        liveImageDigest: older.digest,
        liveImageTag: older.commit.shortSha,
        liveCommit: { sha: older.commit.sha, message: older.commit.message },
        imageDrift: true,
        aliasBehindLatest: true,
      });
      expect(body.environments[1].derived.imageDrift).toBe(false);
    });

    it('starts a pipeline and shows the new run in progress', async () => {
      const { server } = await startPluginBackend();
      const before = await request(server).get(path).set(auth());
      expect(before.status).toBe(200);
      const started = await request(server)
        .post('/api/lambda-paved-road/entity/default/component/hello-api/environments/test/pipeline/start')
        .set(auth());
      expect(started.status).toBe(202);
      const after = (await request(server).get(path).set(auth())).body as EntityDeployments;
      const test = after.environments.find((e: EnvironmentDeployment) => e.environment === 'test')!;
      const pipeline = ok(test.pipeline);
      expect(pipeline.executions[0]).toMatchObject({
        id: started.body.pipelineExecutionId,
        status: 'in-progress',
        trigger: { type: 'StartPipelineExecution' },
        sourceRevision: { commitId: seeded.environments[1].history.live.sha },
      });
      // The source has run, the build runs, the deploy waits.
      expect(pipeline.latestStageStates.map(st => [st.name, st.status])).toEqual([
        ['Source', 'succeeded'],
        ['Build', 'in-progress'],
        ['Deploy', 'pending'],
      ]);
    });
  });
});
