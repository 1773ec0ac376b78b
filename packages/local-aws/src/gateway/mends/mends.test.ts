import {
  BatchGetBuildsCommand,
  CodeBuildClient,
  CreateProjectCommand,
  ListBuildsForProjectCommand,
  StartBuildCommand,
} from '@aws-sdk/client-codebuild';
import {
  CodePipelineClient,
  CreatePipelineCommand,
  GetPipelineCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  StartPipelineExecutionCommand,
  UpdatePipelineCommand,
} from '@aws-sdk/client-codepipeline';
import { CreateRepositoryCommand, ECRClient, PutImageCommand } from '@aws-sdk/client-ecr';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import {
  CreateFunctionCommand,
  GetFunctionCommand,
  LambdaClient,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  UpdateFunctionCodeCommand,
} from '@aws-sdk/client-lambda';
import { LocalAws, startLocalAws } from '../../localAws';
import { accountClientConfig, gatewayControl } from '../../seed/awsClients';
import { imageManifestFor } from '../../seed/imageManifest';

jest.setTimeout(60_000);

const ACCOUNT = '100000000001';
const REGION = 'us-east-1';
const trust = (service: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  });

describe('gateway mends', () => {
  let aws: LocalAws;
  beforeAll(async () => {
    aws = await startLocalAws();
  });
  afterAll(async () => {
    await aws?.stop();
  });
  beforeEach(async () => {
    await aws.reset();
  });

  const config = () => accountClientConfig(aws.endpoint, REGION, ACCOUNT);

  describe('codepipeline', () => {
    async function createPipeline(name: string) {
      const cfg = await config();
      const role = await new IAMClient(cfg).send(
        new CreateRoleCommand({ RoleName: `${name}-cp`, AssumeRolePolicyDocument: trust('codepipeline.amazonaws.com') }),
      );
      const pipelines = new CodePipelineClient(cfg);
      await pipelines.send(
        new CreatePipelineCommand({
          pipeline: {
            name,
            pipelineType: 'V2',
            roleArn: role.Role!.Arn!,
            artifactStore: { type: 'S3', location: 'artifacts' },
            stages: ['Source', 'Build', 'Deploy'].map(stage => ({
              name: stage,
              actions: [
                {
                  name: stage,
                  actionTypeId: {
                    category: stage === 'Source' ? 'Source' : 'Build',
                    owner: 'AWS',
                    provider: stage === 'Source' ? 'CodeStarSourceConnection' : 'CodeBuild',
                    version: '1',
                  },
                  configuration: (stage === 'Source' ? { BranchName: 'dev' } : { ProjectName: 'p' }) as Record<string, string>,
                },
              ],
            })),
          },
        }),
      );
      return pipelines;
    }

    const record = (body: object) =>
      gatewayControl(aws.endpoint, 'codepipeline/executions', {
        accountId: ACCOUNT,
        region: REGION,
        pipelineName: 'app-dev',
        ...body,
      });

    it('lets the SDK read GetPipeline (timestamps as epoch seconds)', async () => {
      const pipelines = await createPipeline('app-dev');
      const out = await pipelines.send(new GetPipelineCommand({ name: 'app-dev' }));
      expect(out.metadata?.created).toBeInstanceOf(Date);
      expect(Math.abs(out.metadata!.created!.getTime() - Date.now())).toBeLessThan(60_000);
    });

    it('answers executions and state from recorded runs, newest first', async () => {
      const pipelines = await createPipeline('app-dev');
      const older = await record({
        status: 'Succeeded',
        startTime: '2026-12-01T10:00:00.000Z',
        endTime: '2026-12-01T10:04:00.000Z',
        sourceRevision: { commitId: 'a'.repeat(40), message: 'First commit' },
      });
      const newer = await record({
        status: 'Failed',
        statusSummary: 'Build failed',
        startTime: '2026-12-02T10:00:00.000Z',
        sourceRevision: { commitId: 'b'.repeat(40), message: 'Second commit', url: 'https://example.com/b' },
        stages: [
          { name: 'Source', status: 'Succeeded' },
          { name: 'Build', status: 'Failed', summary: 'tests failed', externalExecutionId: 'p:1' },
        ],
      });

      const list = await pipelines.send(new ListPipelineExecutionsCommand({ pipelineName: 'app-dev' }));
      expect(list.pipelineExecutionSummaries?.map(e => [e.pipelineExecutionId, e.status])).toEqual([
        [newer.pipelineExecutionId, 'Failed'],
        [older.pipelineExecutionId, 'Succeeded'],
      ]);
      expect(list.pipelineExecutionSummaries?.[0].sourceRevisions?.[0]).toMatchObject({
        revisionId: 'b'.repeat(40),
        revisionSummary: 'Second commit',
        revisionUrl: 'https://example.com/b',
      });
      expect(list.pipelineExecutionSummaries?.[1].lastUpdateTime?.toISOString()).toBe('2026-12-01T10:04:00.000Z');

      const one = await pipelines.send(
        new GetPipelineExecutionCommand({ pipelineName: 'app-dev', pipelineExecutionId: older.pipelineExecutionId }),
      );
      expect(one.pipelineExecution?.artifactRevisions?.[0].revisionId).toBe('a'.repeat(40));

      // Each stage shows the newest run that reached it: Deploy is the older run's.
      const state = await pipelines.send(new GetPipelineStateCommand({ name: 'app-dev' }));
      expect(state.stageStates?.map(s => [s.stageName, s.latestExecution?.status, s.latestExecution?.pipelineExecutionId])).toEqual([
        ['Source', 'Succeeded', newer.pipelineExecutionId],
        ['Build', 'Failed', newer.pipelineExecutionId],
        ['Deploy', 'Succeeded', older.pipelineExecutionId],
      ]);
      expect(state.stageStates?.[1].actionStates?.[0].latestExecution).toMatchObject({
        status: 'Failed',
        summary: 'tests failed',
        externalExecutionId: 'p:1',
        errorDetails: { message: 'tests failed' },
      });
      expect(state.stageStates?.[0].actionStates?.[0].currentRevision?.revisionId).toBe('b'.repeat(40));
    });

    it('lists action executions newest first, with the build each CodeBuild action ran', async () => {
      const pipelines = await createPipeline('app-dev');
      const older = await record({
        status: 'Succeeded',
        startTime: '2026-12-01T10:00:00.000Z',
        endTime: '2026-12-01T10:03:00.000Z',
        sourceRevision: { commitId: 'a'.repeat(40), message: 'First commit' },
        stages: [
          { name: 'Source', status: 'Succeeded' },
          { name: 'Build', status: 'Succeeded', externalExecutionId: 'p:1' },
          { name: 'Deploy', status: 'Succeeded', externalExecutionId: 'p:2' },
        ],
      });
      const newer = await record({
        status: 'Failed',
        startTime: '2026-12-02T10:00:00.000Z',
        endTime: '2026-12-02T10:02:00.000Z',
        sourceRevision: { commitId: 'b'.repeat(40), message: 'Second commit' },
        stages: [
          { name: 'Source', status: 'Succeeded' },
          { name: 'Build', status: 'Failed', summary: 'tests failed', externalExecutionId: 'p:3' },
        ],
      });

      const out = await pipelines.send(new ListActionExecutionsCommand({ pipelineName: 'app-dev' }));
      const details = out.actionExecutionDetails ?? [];
      expect(details.map(d => [d.pipelineExecutionId, d.stageName, d.status, d.output?.executionResult?.externalExecutionId])).toEqual([
        [newer.pipelineExecutionId, 'Build', 'Failed', 'p:3'],
        [newer.pipelineExecutionId, 'Source', 'Succeeded', undefined],
        [older.pipelineExecutionId, 'Deploy', 'Succeeded', 'p:2'],
        [older.pipelineExecutionId, 'Build', 'Succeeded', 'p:1'],
        [older.pipelineExecutionId, 'Source', 'Succeeded', undefined],
      ]);
      // Times fall within the run, later stages later; the source action says what it fetched.
      const [failedBuild, source] = details;
      expect(source.startTime?.toISOString()).toBe('2026-12-02T10:00:00.000Z');
      expect(failedBuild.lastUpdateTime?.toISOString()).toBe('2026-12-02T10:02:00.000Z');
      expect(failedBuild.startTime!.getTime()).toBeGreaterThan(source.startTime!.getTime());
      expect(failedBuild.input).toMatchObject({
        actionTypeId: { category: 'Build', provider: 'CodeBuild' },
        configuration: { ProjectName: 'p' },
      });
      expect(failedBuild.output?.executionResult).toMatchObject({
        externalExecutionSummary: 'tests failed',
        errorDetails: { message: 'tests failed' },
      });
      expect(source.output?.outputVariables).toEqual({ CommitId: 'b'.repeat(40), CommitMessage: 'Second commit', BranchName: 'dev' });

      const onlyOlder = await pipelines.send(
        new ListActionExecutionsCommand({ pipelineName: 'app-dev', filter: { pipelineExecutionId: older.pipelineExecutionId } }),
      );
      expect(onlyOlder.actionExecutionDetails?.map(d => d.stageName)).toEqual(['Deploy', 'Build', 'Source']);
      const page = await pipelines.send(new ListActionExecutionsCommand({ pipelineName: 'app-dev', maxResults: 2 }));
      expect(page.actionExecutionDetails).toHaveLength(2);
      const rest = await pipelines.send(
        new ListActionExecutionsCommand({ pipelineName: 'app-dev', maxResults: 100, nextToken: page.nextToken }),
      );
      expect(rest.actionExecutionDetails).toHaveLength(3);
      await expect(
        pipelines.send(new ListActionExecutionsCommand({ pipelineName: 'app-dev', filter: { pipelineExecutionId: 'nope' } })),
      ).rejects.toMatchObject({ name: 'PipelineExecutionNotFoundException' });
      await expect(
        pipelines.send(new ListActionExecutionsCommand({ pipelineName: 'nope' })),
      ).rejects.toMatchObject({ name: 'PipelineNotFoundException' });
    });

    it('answers from the pipeline as it is after an update', async () => {
      const pipelines = await createPipeline('app-dev');
      await record({ status: 'Succeeded' });
      // Read once: the mend now remembers this definition.
      await pipelines.send(new GetPipelineStateCommand({ name: 'app-dev' }));
      const { pipeline } = await pipelines.send(new GetPipelineCommand({ name: 'app-dev' }));
      await pipelines.send(
        new UpdatePipelineCommand({ pipeline: { ...pipeline!, stages: pipeline!.stages!.filter(s => s.name !== 'Deploy') } }),
      );
      const state = await pipelines.send(new GetPipelineStateCommand({ name: 'app-dev' }));
      expect(state.stageStates?.map(s => s.stageName)).toEqual(['Source', 'Build']);
    });

    it('starts an execution in progress with the last revision', async () => {
      const pipelines = await createPipeline('app-dev');
      await record({ status: 'Succeeded', sourceRevision: { commitId: 'c'.repeat(40) } });
      const started = await pipelines.send(new StartPipelineExecutionCommand({ name: 'app-dev' }));
      const list = await pipelines.send(new ListPipelineExecutionsCommand({ pipelineName: 'app-dev' }));
      expect(list.pipelineExecutionSummaries?.[0]).toMatchObject({
        pipelineExecutionId: started.pipelineExecutionId,
        status: 'InProgress',
        trigger: { triggerType: 'StartPipelineExecution' },
        sourceRevisions: [expect.objectContaining({ revisionId: 'c'.repeat(40) })],
      });
    });

    it('fails like AWS for an unknown pipeline, and keeps accounts apart', async () => {
      await createPipeline('app-dev');
      await record({ status: 'Succeeded' });
      const pipelines = new CodePipelineClient(await config());
      await expect(
        pipelines.send(new ListPipelineExecutionsCommand({ pipelineName: 'nope' })),
      ).rejects.toMatchObject({ name: 'PipelineNotFoundException' });
      const other = new CodePipelineClient(await accountClientConfig(aws.endpoint, REGION, '100000000002'));
      await expect(
        other.send(new ListPipelineExecutionsCommand({ pipelineName: 'app-dev' })),
      ).rejects.toMatchObject({ name: 'PipelineNotFoundException' });
    });

    it('forgets executions on reset and rejects bad control input', async () => {
      await createPipeline('app-dev');
      await record({ status: 'Succeeded' });
      await aws.reset();
      const pipelines = await createPipeline('app-dev');
      const list = await pipelines.send(new ListPipelineExecutionsCommand({ pipelineName: 'app-dev' }));
      expect(list.pipelineExecutionSummaries).toEqual([]);
      await expect(record({ status: 'Done' })).rejects.toThrow(/status must be one of/);
    });
  });

  describe('codebuild', () => {
    it('gives the SDK stable builds: epoch times, one phase list, numbers per project, newest first', async () => {
      const cfg = await config();
      const role = await new IAMClient(cfg).send(
        new CreateRoleCommand({ RoleName: 'cb', AssumeRolePolicyDocument: trust('codebuild.amazonaws.com') }),
      );
      const builds = new CodeBuildClient(cfg);
      await builds.send(
        new CreateProjectCommand({
          name: 'app-dev',
          source: { type: 'CODEPIPELINE', location: 'x' },
          artifacts: { type: 'CODEPIPELINE', location: 'x' },
          environment: { type: 'ARM_CONTAINER', image: 'img', computeType: 'BUILD_GENERAL1_SMALL' },
          serviceRole: role.Role!.Arn!,
        }),
      );
      const first = await builds.send(new StartBuildCommand({ projectName: 'app-dev', sourceVersion: 'aaa' }));
      const second = await builds.send(new StartBuildCommand({ projectName: 'app-dev', sourceVersion: 'bbb' }));
      expect(first.build?.startTime).toBeInstanceOf(Date);
      expect([first.build?.buildNumber, second.build?.buildNumber]).toEqual([1, 2]);

      const ids = (await builds.send(new ListBuildsForProjectCommand({ projectName: 'app-dev' }))).ids!;
      expect(ids).toEqual([second.build!.id, first.build!.id]);

      const read1 = await builds.send(new BatchGetBuildsCommand({ ids }));
      const read2 = await builds.send(new BatchGetBuildsCommand({ ids }));
      const phaseTypes = read2.builds![0].phases!.map(p => p.phaseType);
      expect(new Set(phaseTypes).size).toBe(phaseTypes.length);
      expect(read2.builds).toEqual(read1.builds);
      expect(read2.builds?.map(b => b.buildNumber)).toEqual([2, 1]);

      await gatewayControl(aws.endpoint, `codebuild/builds/${encodeURIComponent(second.build!.id!)}`, {
        status: 'FAILED',
        startTime: '2026-12-03T09:00:00.000Z',
        failedPhase: 'BUILD',
      });
      const failed = (await builds.send(new BatchGetBuildsCommand({ ids: [second.build!.id!] }))).builds![0];
      expect(failed.buildStatus).toBe('FAILED');
      expect(failed.startTime?.toISOString()).toBe('2026-12-03T09:00:00.000Z');
      expect(failed.phases?.find(p => p.phaseType === 'BUILD')?.phaseStatus).toBe('FAILED');
      expect(failed.phases?.some(p => p.phaseType === 'POST_BUILD')).toBe(false);
      expect(failed.endTime!.getTime()).toBeGreaterThan(failed.startTime!.getTime());

      // Read again: the mend answers from what it kept, unchanged.
      const again = (await builds.send(new BatchGetBuildsCommand({ ids: [second.build!.id!] }))).builds![0];
      expect(again).toEqual(failed);
    });
  });

  describe('lambda image digest', () => {
    it('reports the ECR digest of the image each version was published from', async () => {
      const workloads = '200000000001';
      const cfg = await accountClientConfig(aws.endpoint, REGION, workloads);
      const ecr = new ECRClient(cfg);
      await ecr.send(new CreateRepositoryCommand({ repositoryName: 'app-dev' }));
      const push = async (sha: string, tag: string) =>
        (await ecr.send(new PutImageCommand({ repositoryName: 'app-dev', imageManifest: imageManifestFor('app', sha), imageTag: tag })))
          .image!.imageId!.imageDigest!;
      const d1 = await push('1'.repeat(40), 'dev');
      const role = await new IAMClient(cfg).send(
        new CreateRoleCommand({ RoleName: 'fn', AssumeRolePolicyDocument: trust('lambda.amazonaws.com') }),
      );
      const lambda = new LambdaClient(cfg);
      const uri = `${workloads}.dkr.ecr.${REGION}.amazonaws.com/app-dev:dev`;
      await lambda.send(
        new CreateFunctionCommand({ FunctionName: 'app-dev', PackageType: 'Image', Code: { ImageUri: uri }, Role: role.Role!.Arn! }),
      );
      await lambda.send(new PublishVersionCommand({ FunctionName: 'app-dev' }));
      // The tag moves to a new image; version 1 keeps the digest it was published with.
      const d2 = await push('2'.repeat(40), 'dev');
      await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'app-dev', ImageUri: uri }));
      await lambda.send(new PublishVersionCommand({ FunctionName: 'app-dev' }));

      const latest = await lambda.send(new GetFunctionCommand({ FunctionName: 'app-dev' }));
      expect(latest.Code?.ResolvedImageUri).toBe(`${workloads}.dkr.ecr.${REGION}.amazonaws.com/app-dev@${d2}`);
      const v1 = await lambda.send(new GetFunctionCommand({ FunctionName: 'app-dev', Qualifier: '1' }));
      expect(v1.Code?.ResolvedImageUri).toBe(`${workloads}.dkr.ecr.${REGION}.amazonaws.com/app-dev@${d1}`);
      const versions = await lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'app-dev' }));
      expect(versions.Versions?.map(v => [v.Version, `sha256:${v.CodeSha256}`])).toEqual([
        ['$LATEST', d2],
        ['1', d1],
        ['2', d2],
      ]);
    });
  });
});
