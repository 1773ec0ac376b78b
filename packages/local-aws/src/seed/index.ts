import type { PavedRoadEnvironment } from '@lambda-paved-road/plugin-lambda-paved-road-common';
import { demoCommits, DemoCommit, EnvironmentHistory, environmentHistories } from './demoHistory';
import { SeededDeployments, seedDeployments } from './seedDeployments';
import { SeededWorkloads, seedWorkloads } from './seedWorkloads';

export { demoCommits, environmentHistories, scanFindingsFor } from './demoHistory';
export type { DemoCommit, EnvironmentHistory, FailedRun } from './demoHistory';
export { seedWorkloads } from './seedWorkloads';
export type { SeededWorkloads } from './seedWorkloads';
export { seedDeployments, DEMO_PIPELINE_STAGES } from './seedDeployments';
export type { SeededDeployments, SeededRun } from './seedDeployments';
export { imageManifestFor } from './imageManifest';
export { accountClientConfig, SEED_ROLE_NAME } from './awsClients';
export type { AccountClientConfig } from './awsClients';

/** Options of {@link seedDemoApp}. */
export interface SeedDemoAppOptions {
  /** The emulator gateway (LocalAws.endpoint): the seed uses its control routes. */
  endpoint: string;
  environments: PavedRoadEnvironment[];
  /** Default `hello-api`. */
  app?: string;
  /** Default `https://github.com/example-org/hello-api`. */
  repoUrl?: string;
  /** Default external, as the demo entity is annotated. */
  exposure?: 'internal' | 'external';
  /** The clock the history is laid out against; default now. */
  now?: Date;
}

/** What {@link seedDemoApp} created, for tests to compare against. */
export interface SeededDemoApp {
  app: string;
  repoUrl: string;
  /** Newest first. */
  commits: DemoCommit[];
  environments: Array<{
    history: EnvironmentHistory;
    workloads: SeededWorkloads;
    deployments: SeededDeployments;
  }>;
}

/**
 * Seeds an app into the emulator in every environment: in each workloads
 * account ECR images, a container-image Lambda function with versions and
 * the `live` alias (and the ALB target group for external apps); in each
 * deployments account a CodeBuild project with builds and a V2 pipeline with
 * runs. The environments differ as in a promotion flow: the first runs the
 * newest commit, each next one is a commit behind, and the third one's latest
 * run failed. Idempotent; environments are seeded in parallel.
 */
export async function seedDemoApp(options: SeedDemoAppOptions): Promise<SeededDemoApp> {
  const app = options.app ?? 'hello-api';
  const repoUrl = options.repoUrl ?? `https://github.com/example-org/${app}`;
  const now = options.now ?? new Date();
  if (options.environments.length === 0) {
    throw new Error('seedDemoApp needs at least one environment');
  }
  const commits = demoCommits(app, now);
  const histories = environmentHistories(options.environments, commits);
  const environments = await Promise.all(
    histories.map(async history => {
      const workloads = await seedWorkloads({
        endpoint: options.endpoint,
        app,
        history,
        exposure: options.exposure ?? 'external',
        now,
      });
      const deployments = await seedDeployments({
        endpoint: options.endpoint,
        app,
        repoUrl,
        history,
        workloads,
        now,
      });
      return { history, workloads, deployments };
    }),
  );
  return { app, repoUrl, commits, environments };
}
