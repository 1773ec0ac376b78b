import fs from 'node:fs';
import path from 'node:path';
import type { JsonObject } from '@backstage/types';

/** The repository root (this file is plugins/<module>/src/__testUtils__/). */
// Tests run from the source tree, so __dirname is where this file is.
// eslint-disable-next-line no-restricted-syntax
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const TEMPLATE_DIR = path.join(REPO_ROOT, 'templates', 'container-lambda');
export const COMPOSITION_DIR = path.join(REPO_ROOT, 'terraform', 'modules', 'app-environment');

/** The four environments of app-config.yaml. */
export const ENVIRONMENTS = [
  { name: 'dev', deploymentsAccountId: '100000000001', workloadsAccountId: '200000000001' },
  { name: 'test', deploymentsAccountId: '100000000002', workloadsAccountId: '200000000002' },
  { name: 'stage', deploymentsAccountId: '100000000003', workloadsAccountId: '200000000003' },
  { name: 'prod', branch: 'main', deploymentsAccountId: '100000000004', workloadsAccountId: '200000000004' },
];

/** `lambdaPavedRoad` configuration for tests; `root` holds repositories and Terraform. */
export function pavedRoadConfig(
  root: string,
  overrides: { provisioning?: JsonObject; terraformEnv?: Record<string, string> } = {},
): JsonObject {
  return {
    lambdaPavedRoad: {
      domain: 'paved-road.example.com',
      region: 'us-east-1',
      environments: ENVIRONMENTS,
      repositories: { mode: 'local' },
      localRepositories: { directory: path.join(root, 'repositories') },
      provisioning: {
        mode: 'apply',
        connectionArn:
          'arn:aws:codeconnections:{region}:{deploymentsAccountId}:connection/00000000-0000-0000-0000-000000000000',
        placeholderImageUri:
          '{workloadsAccountId}.dkr.ecr.{region}.amazonaws.com/{ecrRepositoryName}:placeholder',
        variables: { force_destroy: true, log_retention_days: 7 },
        terraform: {
          moduleSource: COMPOSITION_DIR,
          workingDirectory: path.join(root, 'terraform'),
          env: overrides.terraformEnv ?? {},
        },
        ...overrides.provisioning,
      },
    },
  };
}

/** Every file under `dir`, as the dry-run API wants them (paths relative to `dir`). */
export function directoryContents(dir: string, prefix = ''): Array<{ path: string; base64Content: string }> {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const rel = path.posix.join(prefix, entry.name);
    const abs = path.join(dir, entry.name);
    return entry.isDirectory()
      ? directoryContents(abs, rel)
      : [{ path: rel, base64Content: fs.readFileSync(abs).toString('base64') }];
  });
}
