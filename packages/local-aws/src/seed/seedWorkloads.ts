import {
  CreateRepositoryCommand,
  DescribeImagesCommand,
  ECRClient,
  PutImageCommand,
} from '@aws-sdk/client-ecr';
import {
  CreateTargetGroupCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
  RegisterTargetsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import {
  CreateAliasCommand,
  CreateFunctionCommand,
  LambdaClient,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  PutFunctionConcurrencyCommand,
  TagResourceCommand,
  UpdateFunctionCodeCommand,
} from '@aws-sdk/client-lambda';
import { resourceNames, TARGET_GROUP_ARN_TAG } from '@lambda-paved-road/plugin-lambda-paved-road-common';
import { accountClientConfig, ignoring } from './awsClients';
import { runStart, scanFindingsFor } from './demoHistory';
import type { DemoCommit, EnvironmentHistory } from './demoHistory';
import { imageManifestFor } from './imageManifest';

/** What the seed put into an environment's workloads account. */
export interface SeededWorkloads {
  accountId: string;
  repositoryName: string;
  repositoryUri: string;
  /** Oldest first: one image per deployed commit, tagged with its short SHA. */
  images: Array<{
    commit: DemoCommit;
    digest: string;
    tags: string[];
    /** What the scan on push found, by severity. */
    scanFindings: Record<string, number>;
  }>;
  environmentTag: string;
  /** The digest the environment tag points at (the live commit's image). */
  environmentTagDigest: string;
  functionName: string;
  functionArn: string;
  architecture: 'arm64';
  memoryMb: number;
  timeoutSeconds: number;
  reservedConcurrency?: number;
  /** Oldest first: one published version per deployed commit. */
  versions: Array<{ version: string; digest: string; commit: DemoCommit; description: string }>;
  alias: { name: string; version: string };
  targetGroupName?: string;
}

/** Production keeps capacity for itself; the rest share the account pool. */
const RESERVED_CONCURRENCY_IN_PRODUCTION = 50;

const versionDescription = (c: DemoCommit) => `${c.shortSha} ${c.message}`.slice(0, 256);

/**
 * Seeds ECR, the Lambda function (versions, `live` alias) and, for external
 * apps, the ALB target group in the environment's workloads account.
 * Idempotent: what exists is kept.
 */
export async function seedWorkloads(options: {
  endpoint: string;
  app: string;
  history: EnvironmentHistory;
  exposure: 'internal' | 'external';
  /** The clock the history is laid out against; default now. */
  now?: Date;
}): Promise<SeededWorkloads> {
  const { endpoint, app, history, exposure } = options;
  const now = options.now ?? new Date();
  const env = history.environment;
  const names = resourceNames(app, env);
  const accountId = env.workloadsAccountId;
  const config = await accountClientConfig(endpoint, env.region, accountId);
  const ecr = new ECRClient(config);
  const lambda = new LambdaClient(config);
  const iam = new IAMClient(config);

  const repositoryUri = `${accountId}.dkr.ecr.${env.region}.amazonaws.com/${names.ecrRepositoryName}`;
  await ignoring(['RepositoryAlreadyExistsException'], () =>
    ecr.send(
      new CreateRepositoryCommand({
        repositoryName: names.ecrRepositoryName,
        imageTagMutability: 'MUTABLE',
        imageScanningConfiguration: { scanOnPush: true },
      }),
    ),
  );
  const images = history.deployed.map(commit => {
    const manifest = imageManifestFor(app, commit.sha);
    return { commit, manifest, digest: '', tags: [commit.shortSha] };
  });
  for (const image of images) {
    await ignoring(['ImageAlreadyExistsException'], () =>
      ecr.send(
        new PutImageCommand({
          repositoryName: names.ecrRepositoryName,
          imageManifest: image.manifest,
          imageTag: image.commit.shortSha,
        }),
      ),
    );
  }
  // The pipeline tags the image it deploys with the environment name.
  const liveImage = images[images.length - 1];
  liveImage.tags.push(env.name);
  await ignoring(['ImageAlreadyExistsException'], () =>
    ecr.send(
      new PutImageCommand({
        repositoryName: names.ecrRepositoryName,
        imageManifest: liveImage.manifest,
        imageTag: env.name,
      }),
    ),
  );

  // ECR decides the digest (moto's differs from a real registry's): ask it.
  const described = await ecr.send(
    new DescribeImagesCommand({
      repositoryName: names.ecrRepositoryName,
      imageIds: images.map(i => ({ imageTag: i.commit.shortSha })),
    }),
  );
  for (const image of images) {
    const detail = described.imageDetails?.find(d => d.imageTags?.includes(image.commit.shortSha));
    if (!detail?.imageDigest) {
      throw new Error(`ECR did not list ${names.ecrRepositoryName}:${image.commit.shortSha} after pushing it`);
    }
    image.digest = detail.imageDigest;
    // Pushed when its pipeline run built it (a few minutes into the run).
    const pushedAt = new Date(runStart(image.commit, history.lagHours, now).getTime() + 3 * 60_000);
    const res = await fetch(`${endpoint}/_gateway/ecr/image-details`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        accountId,
        region: env.region,
        repositoryName: names.ecrRepositoryName,
        imageDigest: image.digest,
        pushedAt: pushedAt.toISOString(),
        scanFindings: scanFindingsFor(image.commit),
      }),
    });
    if (!res.ok) throw new Error(`the emulator gateway refused the image details: ${res.status} ${await res.text()}`);
  }

  const roleName = `${app}-${env.name}-lambda`;
  await ignoring(['EntityAlreadyExistsException', 'EntityAlreadyExists'], () =>
    iam.send(
      new CreateRoleCommand({
        RoleName: roleName,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'lambda.amazonaws.com' },
              Action: 'sts:AssumeRole',
            },
          ],
        }),
      }),
    ),
  );

  const imageUri = (c: DemoCommit) => `${repositoryUri}:${c.shortSha}`;
  const memoryMb = 512;
  const timeoutSeconds = 30;
  const reservedConcurrency = env.production ? RESERVED_CONCURRENCY_IN_PRODUCTION : undefined;
  const created = await ignoring(['ResourceConflictException'], () =>
    lambda.send(
      new CreateFunctionCommand({
        FunctionName: names.functionName,
        PackageType: 'Image',
        Code: { ImageUri: imageUri(history.deployed[0]) },
        Role: `arn:aws:iam::${accountId}:role/${roleName}`,
        Architectures: ['arm64'],
        MemorySize: memoryMb,
        Timeout: timeoutSeconds,
        Description: `${app} in ${env.name} (seeded demo)`,
      }),
    ),
  );
  let versions: SeededWorkloads['versions'];
  if (created) {
    versions = [];
    for (const [i, commit] of history.deployed.entries()) {
      if (i > 0) {
        await lambda.send(
          new UpdateFunctionCodeCommand({
            FunctionName: names.functionName,
            ImageUri: imageUri(commit),
          }),
        );
      }
      const published = await lambda.send(
        new PublishVersionCommand({
          FunctionName: names.functionName,
          Description: versionDescription(commit),
        }),
      );
      versions.push({
        version: published.Version!,
        digest: images[i].digest,
        commit,
        description: versionDescription(commit),
      });
    }
    if (reservedConcurrency !== undefined) {
      await lambda.send(
        new PutFunctionConcurrencyCommand({
          FunctionName: names.functionName,
          ReservedConcurrentExecutions: reservedConcurrency,
        }),
      );
    }
    await lambda.send(
      new CreateAliasCommand({
        FunctionName: names.functionName,
        Name: names.functionAlias,
        FunctionVersion: versions[versions.length - 1].version,
      }),
    );
  } else {
    // Seeded before: read the versions back rather than publishing more.
    const listed = await lambda.send(
      new ListVersionsByFunctionCommand({ FunctionName: names.functionName }),
    );
    const published = (listed.Versions ?? []).filter(v => v.Version !== '$LATEST');
    versions = history.deployed.map((commit, i) => ({
      version: published[i]?.Version ?? String(i + 1),
      digest: images[i].digest,
      commit,
      description: versionDescription(commit),
    }));
  }
  const functionArn = `arn:aws:lambda:${env.region}:${accountId}:function:${names.functionName}`;

  let targetGroupName: string | undefined;
  if (exposure === 'external') {
    targetGroupName = names.targetGroupName;
    const elb = new ElasticLoadBalancingV2Client(config);
    const existing = await ignoring(['TargetGroupNotFoundException'], () =>
      elb.send(new DescribeTargetGroupsCommand({ Names: [names.targetGroupName] })),
    );
    let arn = existing?.TargetGroups?.[0]?.TargetGroupArn;
    if (!arn) {
      const tg = await elb.send(
        new CreateTargetGroupCommand({ Name: names.targetGroupName, TargetType: 'lambda' }),
      );
      arn = tg.TargetGroups![0].TargetGroupArn!;
    }
    await elb.send(
      new RegisterTargetsCommand({
        TargetGroupArn: arn,
        Targets: [{ Id: `${functionArn}:${names.functionAlias}` }],
      }),
    );
    // As the workload Terraform module does.
    await lambda.send(new TagResourceCommand({ Resource: functionArn, Tags: { [TARGET_GROUP_ARN_TAG]: arn } }));
  }

  return {
    accountId,
    repositoryName: names.ecrRepositoryName,
    repositoryUri,
    images: images.map(({ commit, digest, tags }) => ({
      commit,
      digest,
      tags,
      scanFindings: scanFindingsFor(commit),
    })),
    environmentTag: env.name,
    environmentTagDigest: liveImage.digest,
    functionName: names.functionName,
    functionArn,
    architecture: 'arm64',
    memoryMb,
    timeoutSeconds,
    reservedConcurrency,
    versions,
    alias: { name: names.functionAlias, version: versions[versions.length - 1].version },
    targetGroupName,
  };
}
