import type {
  EntityDeployments,
  EnvironmentDeployment,
  ImageInfo,
  SourceError,
  SourceResult,
} from '@lambda-paved-road/plugin-lambda-paved-road-common';

const at = '2026-01-20T12:00:00.000Z';

export const ok = <T>(data: T): SourceResult<T> => ({
  ok: true,
  data,
  fetchedAt: at,
});
export const failed = <T>(error: SourceError): SourceResult<T> => ({
  ok: false,
  error,
  fetchedAt: at,
});

/** Five commits, oldest first, as the demo repository would have them. */
export const COMMITS = [
  {
    sha: '1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    message: 'Initial handler',
  },
  {
    sha: '2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
    message: 'Add health check',
  },
  {
    sha: '3333333ccccccccccccccccccccccccccccccccc',
    message: 'Log request ids',
  },
  {
    sha: '4444444ddddddddddddddddddddddddddddddddd',
    message: 'Return JSON errors',
  },
  {
    sha: '5555555eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee',
    message: 'Tune memory to 1024 MB',
  },
];

const digestOf = (env: string, i: number) =>
  `sha256:${env.padEnd(8, '0')}${String(i).repeat(56)}`;

/** One image per commit up to `liveIndex`, newest push first. */
function images(
  env: string,
  liveIndex: number,
  digest = digestOf,
): ImageInfo[] {
  return COMMITS.slice(0, liveIndex + 1)
    .map(
      (c, i): ImageInfo => ({
        digest: digest(env, i),
        tags: i === liveIndex ? [c.sha.slice(0, 7), env] : [c.sha.slice(0, 7)],
        pushedAt: new Date(Date.UTC(2026, 0, 10 + i)).toISOString(),
        sizeBytes: 98_000_000,
        scan: {
          status: 'COMPLETE',
          bySeverity: (i === liveIndex ? { HIGH: 2, MEDIUM: 1 } : {}) as Record<
            string,
            number
          >,
        },
      }),
    )
    .reverse();
}

const accounts: Record<string, [string, string]> = {
  dev: ['100000000001', '200000000001'],
  test: ['100000000002', '200000000002'],
  stage: ['100000000003', '200000000003'],
  prod: ['100000000004', '200000000004'],
};

/**
 * A healthy environment running COMMITS[liveIndex]; `digest` lets two
 * environments share image digests (promotion by copy).
 */
export function environment(
  name: string,
  liveIndex: number,
  digest: (env: string, i: number) => string = digestOf,
): EnvironmentDeployment {
  const [deploymentsAccountId, workloadsAccountId] = accounts[name] ?? [
    '100000000009',
    '200000000009',
  ];
  const production = name === 'prod';
  const app = 'hello-api';
  const host = production ? app : `${name}-${app}`;
  const live = COMMITS[liveIndex];
  const version = String(liveIndex + 1);
  const imgs = images(name, liveIndex, digest);
  const console = (path: string) =>
    `https://us-east-1.console.aws.amazon.com/${path}`;
  return {
    environment: name,
    branch: production ? 'main' : name,
    production,
    region: 'us-east-1',
    deploymentsAccountId,
    workloadsAccountId,
    url: `https://${host}.paved-road.example.com`,
    pipeline: ok({
      name: `${app}-${name}`,
      consoleUrl: console(
        `codesuite/codepipeline/pipelines/${app}-${name}/view`,
      ),
      sourceBranch: production ? 'main' : name,
      stages: ['Source', 'Build', 'Deploy'],
      executions: COMMITS.slice(0, liveIndex + 1)
        .map((c, i) => ({
          id: `exec-${name}-${i}`,
          status: 'succeeded' as const,
          rawStatus: 'Succeeded',
          trigger: { type: 'WebhookV2' },
          sourceRevision: {
            commitId: c.sha,
            message: c.message,
            url: `https://github.com/example-org/hello-api/commit/${c.sha}`,
          },
          startedAt: new Date(Date.UTC(2026, 0, 10 + i, 9)).toISOString(),
          endedAt: new Date(Date.UTC(2026, 0, 10 + i, 9, 4)).toISOString(),
          consoleUrl: console(
            `codesuite/codepipeline/pipelines/${app}-${name}/executions/exec-${name}-${i}`,
          ),
        }))
        .reverse(),
      latestStageStates: [
        { name: 'Source', status: 'succeeded' },
        { name: 'Build', status: 'succeeded' },
        { name: 'Deploy', status: 'succeeded' },
      ],
    }),
    builds: ok({
      projectName: `${app}-${name}`,
      consoleUrl: console(`codesuite/codebuild/projects/${app}-${name}`),
      builds: [
        {
          id: `${app}-${name}:build-${liveIndex}`,
          number: liveIndex + 1,
          status: 'succeeded',
          rawStatus: 'SUCCEEDED',
          sourceVersion: live.sha,
          startedAt: new Date(
            Date.UTC(2026, 0, 10 + liveIndex, 9, 1),
          ).toISOString(),
          endedAt: new Date(
            Date.UTC(2026, 0, 10 + liveIndex, 9, 3),
          ).toISOString(),
          phases: [
            { name: 'PROVISIONING', status: 'succeeded', durationSeconds: 8 },
            { name: 'BUILD', status: 'succeeded', durationSeconds: 71 },
            { name: 'POST_BUILD', status: 'succeeded', durationSeconds: 23 },
          ],
          logsUrl: console(
            `cloudwatch/home#logsV2:log-groups/log-group/$252Faws$252Fcodebuild$252F${app}-${name}`,
          ),
          consoleUrl: console(
            `codesuite/codebuild/projects/${app}-${name}/build/${liveIndex}`,
          ),
        },
      ],
    }),
    images: ok({
      repositoryName: `${app}-${name}`,
      repositoryUri: `${workloadsAccountId}.dkr.ecr.us-east-1.amazonaws.com/${app}-${name}`,
      consoleUrl: console(
        `ecr/repositories/private/${workloadsAccountId}/${app}-${name}`,
      ),
      images: imgs,
      environmentTag: name,
      environmentTagDigest: imgs[0].digest,
    }),
    function: ok({
      name: `${app}-${name}`,
      arn: `arn:aws:lambda:us-east-1:${workloadsAccountId}:function:${app}-${name}`,
      consoleUrl: console(`lambda/home#/functions/${app}-${name}`),
      state: 'Active',
      lastUpdateStatus: 'Successful',
      lastModified: new Date(
        Date.UTC(2026, 0, 10 + liveIndex, 9, 4),
      ).toISOString(),
      imageUri: `${workloadsAccountId}.dkr.ecr.us-east-1.amazonaws.com/${app}-${name}:${live.sha.slice(
        0,
        7,
      )}`,
      resolvedImageDigest: imgs[0].digest,
      architecture: 'arm64',
      memoryMb: 1024,
      timeoutSeconds: 30,
      versions: COMMITS.slice(0, liveIndex + 1)
        .map((c, i) => ({
          version: String(i + 1),
          imageDigest: digest(name, i),
          description: c.sha.slice(0, 7),
          lastModified: new Date(Date.UTC(2026, 0, 10 + i, 9, 4)).toISOString(),
        }))
        .reverse(),
      aliases: [{ name: 'live', version }],
    }),
    endpoint: ok({
      url: `https://${host}.paved-road.example.com`,
      exposure: 'external',
      targetGroupName: `${app}-${name}`,
      targetHealth: [
        {
          id: `arn:aws:lambda:us-east-1:${workloadsAccountId}:function:${app}-${name}:live`,
          state: 'healthy',
        },
      ],
    }),
    derived: {
      liveCommit: {
        sha: live.sha,
        message: live.message,
        url: `https://github.com/example-org/hello-api/commit/${live.sha}`,
      },
      liveImageTag: live.sha.slice(0, 7),
      liveVersion: version,
      imageDrift: false,
      aliasBehindLatest: false,
    },
  };
}

/** Promotion by copy: stage and prod share digests for the same commit. */
const sharedDigest = (_env: string, i: number) => digestOf('shared', i);

/** dev on commit 5, test on 4, stage on 2, prod on 2 (same image as stage). */
export function sampleDeployments(
  edit?: (envs: EnvironmentDeployment[]) => void,
): EntityDeployments {
  const environments = [
    environment('dev', 4),
    environment('test', 3),
    environment('stage', 1, sharedDigest),
    environment('prod', 1, sharedDigest),
  ];
  edit?.(environments);
  return {
    entityRef: 'component:default/hello-api',
    app: 'hello-api',
    environments,
    generatedAt: at,
  };
}

/** Provisioned but never deployed: empty repositories, no executions, no versions. */
export function nothingDeployed(): EntityDeployments {
  return sampleDeployments(envs =>
    envs.forEach(env => {
      if (env.pipeline.ok) env.pipeline.data.executions = [];
      if (env.pipeline.ok) env.pipeline.data.latestStageStates = [];
      if (env.builds.ok) env.builds.data.builds = [];
      if (env.images.ok) {
        env.images.data.images = [];
        env.images.data.environmentTagDigest = undefined;
      }
      // As provisioned: the function runs a placeholder image as version 1,
      // and the alias points at it; nothing was ever built or pushed.
      if (env.function.ok) {
        const placeholder = 'sha256:0000000000000000000000000000000000000000000000000000000000000000';
        env.function.data.resolvedImageDigest = placeholder;
        env.function.data.versions = [{ version: '1', imageDigest: placeholder }];
        env.function.data.aliases = [{ name: 'live', version: '1' }];
      }
      env.derived = { imageDrift: false, aliasBehindLatest: false, liveVersion: '1' };
    }),
  );
}
