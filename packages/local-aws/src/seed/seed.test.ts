import { ConfigReader } from '@backstage/config';
import { DescribeImagesCommand, ECRClient } from '@aws-sdk/client-ecr';
import { GetAliasCommand, LambdaClient, ListVersionsByFunctionCommand } from '@aws-sdk/client-lambda';
import { readEnvironments } from '@lambda-paved-road/plugin-lambda-paved-road-common';
import { LocalAws, startLocalAws } from '../localAws';
import { accountClientConfig } from './awsClients';
import { seedDemoApp } from '.';

jest.setTimeout(60_000);

const environments = readEnvironments(
  new ConfigReader({
    lambdaPavedRoad: {
      domain: 'paved-road.example.com',
      region: 'us-east-1',
      environments: ['dev', 'test', 'stage', 'prod'].map((name, i) => ({
        name,
        deploymentsAccountId: `10000000000${i + 1}`,
        workloadsAccountId: `20000000000${i + 1}`,
      })),
    },
  }),
);

describe('seedDemoApp', () => {
  let aws: LocalAws;
  beforeAll(async () => {
    aws = await startLocalAws();
  });
  afterAll(async () => {
    await aws?.stop();
  });

  it('lays out a promotion flow and is safe to run twice', async () => {
    const now = new Date('2026-12-04T12:00:00Z');
    const started = Date.now();
    const first = await seedDemoApp({ endpoint: aws.endpoint, environments, now });
    // Not an assertion (2 shared cores): the figure is printed for the record.
    process.stdout.write(`seedDemoApp: ${Date.now() - started} ms for 4 environments\n`);
    const [dev, test, stage, prod] = first.environments;
    // dev runs the newest commit, each next environment one behind.
    expect([dev, test, stage, prod].map(e => e.history.live.sha)).toEqual(
      first.commits.slice(0, 4).map(c => c.sha),
    );
    // Only stage's latest run failed, on the commit test runs.
    expect(first.environments.map(e => e.deployments.runs.at(-1)?.status)).toEqual([
      'Succeeded',
      'Succeeded',
      'Failed',
      'Succeeded',
    ]);
    expect(stage.history.failedRun?.commit.sha).toBe(test.history.live.sha);

    const again = await seedDemoApp({ endpoint: aws.endpoint, environments, now });
    expect(again.environments.map(e => e.workloads)).toEqual(first.environments.map(e => e.workloads));
    expect(again.environments.map(e => e.deployments.runs.map(r => r.buildId))).toEqual(
      first.environments.map(e => e.deployments.runs.map(r => r.buildId)),
    );

    // What AWS holds in prod's workloads account matches what the seed reports.
    const cfg = await accountClientConfig(aws.endpoint, 'us-east-1', prod.workloads.accountId);
    const images = await new ECRClient(cfg).send(
      new DescribeImagesCommand({ repositoryName: prod.workloads.repositoryName }),
    );
    expect(images.imageDetails).toHaveLength(prod.workloads.images.length);
    const tagged = images.imageDetails!.find(i => i.imageTags?.includes('prod'));
    expect(tagged?.imageDigest).toBe(prod.workloads.environmentTagDigest);
    expect(tagged?.imageTags).toContain(prod.history.live.shortSha);
    const lambda = new LambdaClient(cfg);
    const versions = await lambda.send(
      new ListVersionsByFunctionCommand({ FunctionName: prod.workloads.functionName }),
    );
    expect(versions.Versions!.filter(v => v.Version !== '$LATEST')).toHaveLength(prod.workloads.versions.length);
    const alias = await lambda.send(new GetAliasCommand({ FunctionName: prod.workloads.functionName, Name: 'live' }));
    expect(alias.FunctionVersion).toBe(prod.workloads.versions.at(-1)?.version);
  });
});
