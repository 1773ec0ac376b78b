import {
  CodeBuildClient,
  CreateProjectCommand,
  ListBuildsForProjectCommand,
  StartBuildCommand,
} from '@aws-sdk/client-codebuild';
import { CodePipelineClient, CreatePipelineCommand } from '@aws-sdk/client-codepipeline';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { resourceNames } from '@lambda-paved-road/plugin-lambda-paved-road-common';
import type { BuildOutcomeInput } from '../gateway/mends/codebuild';
import type { RecordExecutionInput } from '../gateway/mends/codepipeline';
import { accountClientConfig, gatewayControl, ignoring } from './awsClients';
import { DemoCommit, EnvironmentHistory, runStart, stableUuid } from './demoHistory';
import type { SeededWorkloads } from './seedWorkloads';

/** One pipeline run the seed recorded, with its build. */
export interface SeededRun {
  commit: DemoCommit;
  pipelineExecutionId: string;
  status: 'Succeeded' | 'Failed';
  startTime: string;
  buildId: string;
  buildNumber: number;
  buildStatus: 'SUCCEEDED' | 'FAILED';
}

/** What the seed put into an environment's deployments account. */
export interface SeededDeployments {
  accountId: string;
  pipelineName: string;
  sourceBranch: string;
  stages: string[];
  codeBuildProjectName: string;
  /** Oldest first. */
  runs: SeededRun[];
}

/** The pipeline's stages, in order. */
export const DEMO_PIPELINE_STAGES = ['Source', 'Build', 'Deploy'];

const trustPolicy = (service: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  });

/**
 * Seeds the CodeBuild project and its builds, the V2 pipeline and its runs
 * in the environment's deployments account. Builds' outcomes and pipeline
 * runs are recorded through the gateway mends' control routes, so
 * `endpoint` must be the emulator gateway. Idempotent.
 */
export async function seedDeployments(options: {
  endpoint: string;
  app: string;
  repoUrl: string;
  history: EnvironmentHistory;
  workloads: SeededWorkloads;
  now: Date;
}): Promise<SeededDeployments> {
  const { endpoint, app, repoUrl, history, workloads, now } = options;
  const env = history.environment;
  const names = resourceNames(app, env);
  const accountId = env.deploymentsAccountId;
  const config = await accountClientConfig(endpoint, env.region, accountId);
  const iam = new IAMClient(config);
  const codebuild = new CodeBuildClient(config);
  const codepipeline = new CodePipelineClient(config);
  const roleArn = (name: string) => `arn:aws:iam::${accountId}:role/${name}`;
  const repository = new URL(repoUrl).pathname.replace(/^\/|\.git$/g, '');
  const artifactBucket = `${names.artifactBucketPrefix}-${accountId}`;

  // One role per service: moto refuses a trust policy naming several.
  for (const [name, service] of [
    [names.codeBuildRoleName, 'codebuild.amazonaws.com'],
    [names.pipelineRoleName, 'codepipeline.amazonaws.com'],
  ]) {
    await ignoring(['EntityAlreadyExistsException', 'EntityAlreadyExists'], () =>
      iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trustPolicy(service) })),
    );
  }

  const projectCreated = await ignoring(['ResourceAlreadyExistsException'], () =>
    codebuild.send(
      new CreateProjectCommand({
        name: names.codeBuildProjectName,
        description: `Builds ${app} for ${env.name}, pushes the image and deploys it`,
        source: { type: 'CODEPIPELINE', location: artifactBucket, buildspec: 'buildspec.yml' },
        artifacts: { type: 'CODEPIPELINE', location: artifactBucket },
        environment: {
          type: 'ARM_CONTAINER',
          image: 'aws/codebuild/amazonlinux-aarch64-standard:3.0',
          computeType: 'BUILD_GENERAL1_SMALL',
          privilegedMode: true,
        },
        serviceRole: roleArn(names.codeBuildRoleName),
        logsConfig: { cloudWatchLogs: { status: 'ENABLED', groupName: `/aws/codebuild/${names.codeBuildProjectName}` } },
      }),
    ),
  );

  const runs: Array<{ commit: DemoCommit; failed: boolean }> = [
    ...history.deployed.map(commit => ({ commit, failed: false })),
    ...(history.failedRun ? [{ commit: history.failedRun.commit, failed: true }] : []),
  ];
  let buildIds: string[];
  if (projectCreated) {
    buildIds = [];
    for (const run of runs) {
      const out = await codebuild.send(
        new StartBuildCommand({ projectName: names.codeBuildProjectName, sourceVersion: run.commit.sha }),
      );
      buildIds.push(out.build!.id!);
    }
  } else {
    const listed = await codebuild.send(
      new ListBuildsForProjectCommand({ projectName: names.codeBuildProjectName, sortOrder: 'ASCENDING' }),
    );
    buildIds = listed.ids ?? [];
  }

  await ignoring(['InvalidStructureException'], () =>
    codepipeline.send(
      new CreatePipelineCommand({
        pipeline: {
          name: names.pipelineName,
          pipelineType: 'V2',
          executionMode: 'QUEUED',
          roleArn: roleArn(names.pipelineRoleName),
          artifactStore: { type: 'S3', location: artifactBucket },
          stages: [
            {
              name: 'Source',
              actions: [
                {
                  name: 'Source',
                  actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', version: '1' },
                  namespace: 'SourceVariables',
                  outputArtifacts: [{ name: 'source' }],
                  configuration: {
                    ConnectionArn: `arn:aws:codeconnections:${env.region}:${accountId}:connection/00000000-demo-0000-0000-${app.length.toString().padStart(12, '0')}`,
                    FullRepositoryId: repository,
                    BranchName: env.branch,
                    OutputArtifactFormat: 'CODE_ZIP',
                    DetectChanges: 'false',
                  },
                },
              ],
            },
            {
              name: 'Build',
              actions: [
                {
                  name: 'Build',
                  actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
                  inputArtifacts: [{ name: 'source' }],
                  outputArtifacts: [{ name: 'image' }],
                  configuration: { ProjectName: names.codeBuildProjectName },
                },
              ],
            },
            {
              name: 'Deploy',
              actions: [
                {
                  name: 'Deploy',
                  actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
                  inputArtifacts: [{ name: 'image' }],
                  configuration: {
                    ProjectName: names.codeBuildProjectName,
                    EnvironmentVariables: JSON.stringify([{ name: 'STEP', value: 'deploy', type: 'PLAINTEXT' }]),
                  },
                },
              ],
            },
          ],
          triggers: [
            {
              providerType: 'CodeStarSourceConnection',
              gitConfiguration: {
                sourceActionName: 'Source',
                push: [{ branches: { includes: [env.branch] } }],
              },
            },
          ],
        },
      }),
    ).catch(e => {
      // moto says InvalidStructureException for "already exists" too.
      if (!String(e.message).includes('already exists')) throw e;
      return undefined;
    }),
  );

  const seeded: SeededRun[] = [];
  for (const [i, run] of runs.entries()) {
    const start = runStart(run.commit, history.lagHours, now);
    const buildId = buildIds[i];
    if (!buildId) throw new Error(`no CodeBuild build for run ${i} of ${names.pipelineName}`);
    const buildStart = new Date(start.getTime() + 20_000);
    const outcome: BuildOutcomeInput = run.failed
      ? { status: 'FAILED', startTime: buildStart.toISOString(), failedPhase: 'BUILD' }
      : { status: 'SUCCEEDED', startTime: buildStart.toISOString() };
    await gatewayControl(endpoint, `codebuild/builds/${encodeURIComponent(buildId)}`, outcome);
    const version = workloads.versions.find(v => v.commit.sha === run.commit.sha)?.version;
    const execution: RecordExecutionInput = {
      accountId,
      region: env.region,
      pipelineName: names.pipelineName,
      pipelineExecutionId: stableUuid(accountId, names.pipelineName, run.commit.sha),
      status: run.failed ? 'Failed' : 'Succeeded',
      statusSummary: run.failed ? history.failedRun?.message : undefined,
      startTime: start.toISOString(),
      // Source 20 s, build ~2.5 min, deploy ~40 s.
      endTime: new Date(start.getTime() + (run.failed ? 150_000 : 230_000)).toISOString(),
      sourceRevision: {
        commitId: run.commit.sha,
        message: run.commit.message,
        url: `${repoUrl.replace(/\.git$/, '')}/commit/${run.commit.sha}`,
      },
      trigger: {
        type: 'WebhookV2',
        detail: `push to ${env.branch} by ${run.commit.author}`,
      },
      stages: run.failed
        ? [
            { name: 'Source', status: 'Succeeded', summary: run.commit.message },
            { name: 'Build', status: 'Failed', summary: history.failedRun?.message, externalExecutionId: buildId },
          ]
        : [
            { name: 'Source', status: 'Succeeded', summary: run.commit.message },
            { name: 'Build', status: 'Succeeded', externalExecutionId: buildId },
            {
              name: 'Deploy',
              status: 'Succeeded',
              summary: `${workloads.functionName}: image ${run.commit.shortSha}, alias live → version ${version}`,
            },
          ],
    };
    const recorded = await gatewayControl(endpoint, 'codepipeline/executions', execution);
    seeded.push({
      commit: run.commit,
      pipelineExecutionId: recorded.pipelineExecutionId,
      status: execution.status as 'Succeeded' | 'Failed',
      startTime: execution.startTime!,
      buildId,
      buildNumber: i + 1,
      buildStatus: run.failed ? 'FAILED' : 'SUCCEEDED',
    });
  }

  return {
    accountId,
    pipelineName: names.pipelineName,
    sourceBranch: env.branch,
    stages: DEMO_PIPELINE_STAGES,
    codeBuildProjectName: names.codeBuildProjectName,
    runs: seeded,
  };
}
