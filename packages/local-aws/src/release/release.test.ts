import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CodeBuildClient, BatchGetBuildsCommand, CreateProjectCommand, ListBuildsForProjectCommand } from '@aws-sdk/client-codebuild';
import { CodePipelineClient, CreatePipelineCommand, ListPipelineExecutionsCommand } from '@aws-sdk/client-codepipeline';
import { CreateRepositoryCommand, DescribeImagesCommand, ECRClient, PutImageCommand } from '@aws-sdk/client-ecr';
import { CreateAliasCommand, CreateFunctionCommand, GetAliasCommand, GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { PavedRoadEnvironment, resourceNames } from '@lambda-paved-road/plugin-lambda-paved-road-common';
import { LocalAws, startLocalAws } from '../localAws';
import { imageManifestFor } from '../seed/imageManifest';
import { releaseCommit } from './release';

jest.setTimeout(120_000);

const skeleton = path.resolve(__dirname, '../../../../templates/container-lambda/skeleton');
const env: PavedRoadEnvironment = {
  name: 'dev',
  branch: 'dev',
  deploymentsAccountId: '100000000001',
  workloadsAccountId: '200000000001',
  region: 'us-east-1',
  domain: 'example.com',
  production: false,
};
const app = 'release-demo';
const names = resourceNames(app, env);

async function clients(aws: LocalAws, accountId: string) {
  const out = await new STSClient({ endpoint: aws.endpoint, region: env.region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }).send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/test`, RoleSessionName: 'test' }),
  );
  const c = out.Credentials!;
  const config = {
    endpoint: aws.endpoint,
    region: env.region,
    credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! },
  };
  return {
    ecr: new ECRClient(config),
    lambda: new LambdaClient(config),
    codebuild: new CodeBuildClient(config),
    codepipeline: new CodePipelineClient(config),
    iam: new IAMClient(config),
  };
}

function serviceRole(iam: IAMClient, name: string, service: string) {
  return iam.send(
    new CreateRoleCommand({
      RoleName: name,
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: `${service}.amazonaws.com` }, Action: 'sts:AssumeRole' }],
      }),
    }),
  );
}

// What terraform/modules provisions, made with the SDK to keep this test fast
// (the Terraform tests and the template test apply the real modules).
async function provision(aws: LocalAws) {
  const w = await clients(aws, env.workloadsAccountId);
  const registry = `${env.workloadsAccountId}.dkr.ecr.${env.region}.amazonaws.com`;
  await w.ecr.send(new CreateRepositoryCommand({ repositoryName: names.ecrRepositoryName }));
  await w.ecr.send(
    new PutImageCommand({
      repositoryName: names.ecrRepositoryName,
      imageTag: 'placeholder',
      imageManifest: imageManifestFor(app, '0'.repeat(40)),
    }),
  );
  const role = await serviceRole(w.iam, `${names.functionName}-exec`, 'lambda');
  await w.lambda.send(
    new CreateFunctionCommand({
      FunctionName: names.functionName,
      PackageType: 'Image',
      Code: { ImageUri: `${registry}/${names.ecrRepositoryName}:placeholder` },
      Role: role.Role!.Arn!,
      Architectures: ['arm64'],
      Publish: true,
    }),
  );
  await w.lambda.send(new CreateAliasCommand({ FunctionName: names.functionName, Name: 'live', FunctionVersion: '1' }));
  const d = await clients(aws, env.deploymentsAccountId);
  const vars = {
    ECR_REGISTRY: registry,
    ECR_REPOSITORY: names.ecrRepositoryName,
    FUNCTION_NAME: names.functionName,
    ALIAS_NAME: 'live',
    ENVIRONMENT: env.name,
    DEPLOY_REGION: env.region,
    DEPLOYER_ROLE_ARN: `arn:aws:iam::${env.workloadsAccountId}:role/${names.deployerRoleName}`,
    ARCHITECTURE: 'arm64',
  };
  await d.codebuild.send(
    new CreateProjectCommand({
      name: names.codeBuildProjectName,
      source: { type: 'CODEPIPELINE', location: 'codepipeline' },
      artifacts: { type: 'CODEPIPELINE', location: 'codepipeline' },
      environment: {
        type: 'ARM_CONTAINER',
        image: 'aws/codebuild/amazonlinux-aarch64-standard:3.0',
        computeType: 'BUILD_GENERAL1_SMALL',
        privilegedMode: true,
        environmentVariables: Object.entries(vars).map(([name, value]) => ({ name, value, type: 'PLAINTEXT' })),
      },
      serviceRole: `arn:aws:iam::${env.deploymentsAccountId}:role/${names.codeBuildRoleName}`,
    }),
  );
  const pipelineRole = await serviceRole(d.iam, names.pipelineRoleName, 'codepipeline');
  await d.codepipeline.send(
    new CreatePipelineCommand({
      pipeline: {
        name: names.pipelineName,
        roleArn: pipelineRole.Role!.Arn!,
        artifactStore: { type: 'S3', location: 'artifacts' },
        pipelineType: 'V2',
        stages: [
          {
            name: 'Source',
            actions: [{ name: 'Source', actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', version: '1' }, outputArtifacts: [{ name: 'src' }], configuration: {} }],
          },
          {
            name: 'BuildAndDeploy',
            actions: [{ name: 'BuildAndDeploy', actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' }, inputArtifacts: [{ name: 'src' }], configuration: { ProjectName: names.codeBuildProjectName } }],
          },
        ],
      },
    }),
  );
  return { w, d };
}

function generatedRepository(failTests = false): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lpr-release-repo-'));
  fs.cpSync(path.join(skeleton, 'python3.12'), dir, { recursive: true });
  fs.cpSync(path.join(skeleton, 'common', 'buildspec.yml'), path.join(dir, 'buildspec.yml'));
  if (failTests) {
    fs.appendFileSync(path.join(dir, 'app.py'), '\ndef handler(event, context):\n    raise RuntimeError("broken")\n');
  }
  const g = (...args: string[]) =>
    execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { encoding: 'utf8' }).trim();
  g('init', '--quiet', '--initial-branch=main');
  g('add', '--all');
  g('commit', '--quiet', '-m', failTests ? 'Break the handler' : 'Add the health route');
  g('branch', 'dev');
  return dir;
}

describe('releaseCommit', () => {
  let aws: LocalAws;
  beforeAll(async () => {
    aws = await startLocalAws();
  });
  afterAll(() => aws?.stop());
  beforeEach(() => aws.reset());

  it('runs the generated buildspec: pushes the commit image, deploys it, moves the alias, records the run', async () => {
    const { w, d } = await provision(aws);
    const repo = generatedRepository();
    const output: string[] = [];
    const result = await releaseCommit({ endpoint: aws.endpoint, app, environment: env, repoDir: repo, log: l => output.push(l) });
    const sha = execFileSync('git', ['-C', repo, 'rev-parse', 'dev'], { encoding: 'utf8' }).trim();

    expect(result).toMatchObject({ status: 'Succeeded', commit: sha, message: 'Add the health route' });
    // The buildspec's own commands ran, the unit tests among them.
    expect(output.join('\n')).toMatch(/Ran \d+ tests/);
    expect(output.join('\n')).toContain(`Moving alias live to version 2`);

    const images = await w.ecr.send(new DescribeImagesCommand({ repositoryName: names.ecrRepositoryName }));
    const pushed = images.imageDetails!.find(i => i.imageTags?.includes(sha.slice(0, 7)))!;
    expect(pushed.imageTags).toEqual(expect.arrayContaining([sha.slice(0, 7), 'dev']));

    const fn = await w.lambda.send(new GetFunctionCommand({ FunctionName: names.functionName }));
    expect(fn.Code?.ImageUri).toContain(`@${pushed.imageDigest}`);
    const alias = await w.lambda.send(new GetAliasCommand({ FunctionName: names.functionName, Name: 'live' }));
    expect(alias.FunctionVersion).toBe('2');

    const runs = await d.codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName: names.pipelineName }));
    expect(runs.pipelineExecutionSummaries?.[0]).toMatchObject({
      status: 'Succeeded',
      sourceRevisions: [expect.objectContaining({ revisionId: sha, revisionSummary: 'Add the health route' })],
    });
    const ids = await d.codebuild.send(new ListBuildsForProjectCommand({ projectName: names.codeBuildProjectName }));
    const builds = await d.codebuild.send(new BatchGetBuildsCommand({ ids: ids.ids }));
    expect(builds.builds?.[0]).toMatchObject({ buildStatus: 'SUCCEEDED', sourceVersion: sha });
  });

  it('stops at the failing unit tests: no image pushed, function and alias untouched, run recorded as failed', async () => {
    const { w, d } = await provision(aws);
    const repo = generatedRepository(true);
    const result = await releaseCommit({ endpoint: aws.endpoint, app, environment: env, repoDir: repo, log: () => {} });
    expect(result).toMatchObject({ status: 'Failed', failedPhase: 'BUILD' });
    const images = await w.ecr.send(new DescribeImagesCommand({ repositoryName: names.ecrRepositoryName }));
    expect(images.imageDetails!.flatMap(i => i.imageTags ?? [])).toEqual(['placeholder']);
    const alias = await w.lambda.send(new GetAliasCommand({ FunctionName: names.functionName, Name: 'live' }));
    expect(alias.FunctionVersion).toBe('1');
    const runs = await d.codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName: names.pipelineName }));
    expect(runs.pipelineExecutionSummaries?.[0].status).toBe('Failed');
  });

  it('refuses an environment that was never provisioned, naming what to do', async () => {
    const repo = generatedRepository();
    await expect(
      releaseCommit({ endpoint: aws.endpoint, app, environment: env, repoDir: repo, log: () => {} }),
    ).rejects.toThrow(`no CodeBuild project ${names.codeBuildProjectName} in account 100000000001: provision ${app} in dev first`);
  });
});
