import path from 'node:path';
import { InputError } from '@backstage/errors';
import type { JsonObject, JsonValue } from '@backstage/types';
import type { ResolvedEnvironment } from '../app';
import { fillPlaceholders, ProvisioningConfig, StateConfig } from '../config';
import { hclAttributes, hclString } from './hcl';

/** What one environment's root module is rendered from. */
export interface RootModuleInput {
  app: string;
  environment: ResolvedEnvironment;
  exposure: 'internal' | 'external';
  architecture: 'arm64' | 'x86_64';
  memorySize: number;
  timeout: number;
  reservedConcurrency?: number;
  /** Source repository as owner/name. */
  repository: string;
}

/** The outputs of the composition that the template shows. */
export const ROOT_OUTPUTS = [
  'function_name',
  'function_arn',
  'alias_arn',
  'ecr_repository_url',
  'pipeline_name',
  'codebuild_project_name',
  'deployer_role_arn',
  'url',
  'hostname',
] as const;

const LOCAL_SOURCE = /^(\.{1,2}\/|\/)/;

/**
 * The module source as seen from `rootDir`: a local path is made relative to
 * it (Terraform wants `./` or `../`); any other source is used as given.
 */
export function moduleSourceFor(source: string, rootDir: string): string {
  if (!LOCAL_SOURCE.test(source)) return source;
  const target = path.resolve(process.cwd(), source);
  const relative = path.relative(rootDir, target).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

function backendBlock(state: StateConfig, app: string, env: string): string {
  if (state.backend === 'local') {
    return `  backend "local" {\n    path = ${hclString(
      path.join(state.directory, app, env, 'terraform.tfstate'),
    )}\n  }`;
  }
  const attributes: Array<[string, JsonValue]> = [
    ['bucket', state.bucket],
    ['key', `${state.keyPrefix}/${app}/${env}/terraform.tfstate`],
    ['region', state.region],
    ['encrypt', true],
    ['use_lockfile', state.useLockfile],
  ];
  const roleBlock = state.roleArn
    ? `\n    assume_role = {\n      role_arn = ${hclString(state.roleArn)}\n    }`
    : '';
  return `  backend "s3" {\n${hclAttributes(attributes, '    ')}${roleBlock}\n  }`;
}

/** Variables the template owns; configuration may add others but not change these. */
const OWNED = new Set([
  'app_name',
  'environment',
  'production',
  'region',
  'deployments_account_id',
  'workloads_account_id',
  'domain',
  'branch',
  'repository',
  'exposure',
  'architecture',
  'memory_size',
  'timeout',
  'reserved_concurrency',
]);

/** The composition's variables for one environment. */
export function rootModuleVariables(
  input: RootModuleInput,
  config: ProvisioningConfig,
): Array<[string, JsonValue]> {
  const env = input.environment;
  const placeholders = {
    app: input.app,
    environment: env.name,
    region: env.region,
    deploymentsAccountId: env.deploymentsAccountId,
    workloadsAccountId: env.workloadsAccountId,
    ecrRepositoryName: env.ecrRepositoryName,
  };
  const extras: JsonObject = {
    ...config.variables,
    ...(config.environmentVariables[env.name] ?? {}),
  };
  for (const key of Object.keys(extras)) {
    if (OWNED.has(key)) {
      throw new InputError(
        `lambdaPavedRoad.provisioning variables may not set "${key}": the template sets it from the app's settings`,
      );
    }
  }
  return [
    ['app_name', input.app],
    ['environment', env.name],
    ['production', env.production],
    ['region', env.region],
    ['deployments_account_id', env.deploymentsAccountId],
    ['workloads_account_id', env.workloadsAccountId],
    ['domain', env.domain],
    ['branch', env.branch],
    ['repository', input.repository],
    [
      'connection_arn',
      fillPlaceholders(config.connectionArn, placeholders, 'lambdaPavedRoad.provisioning.connectionArn'),
    ],
    ['exposure', input.exposure],
    [
      'image_uri',
      fillPlaceholders(
        config.placeholderImageUri,
        placeholders,
        'lambdaPavedRoad.provisioning.placeholderImageUri',
      ),
    ],
    ['architecture', input.architecture],
    ['memory_size', input.memorySize],
    ['timeout', input.timeout],
    ['reserved_concurrency', input.reservedConcurrency ?? null],
    [
      'environment_variables',
      { APP_NAME: input.app, APP_ENVIRONMENT: env.name, ...((extras.environment_variables as JsonObject) ?? {}) },
    ],
    ...Object.entries(extras)
      .filter(([k]) => k !== 'environment_variables')
      .map(([k, v]): [string, JsonValue] => [k, v ?? null]),
  ];
}

/**
 * The files of one environment's root module: `main.tf` calling the
 * composition with the app's settings, and `outputs.tf`. `rootDir` is where
 * the files will live on this machine (local module sources are made
 * relative to it); without it the source is used as configured.
 */
export function renderRootModule(
  input: RootModuleInput,
  config: ProvisioningConfig,
  rootDir?: string,
): Record<string, string> {
  const { app } = input;
  const env = input.environment.name;
  const tf = config.terraform;
  const source: Array<[string, JsonValue]> = [
    ['source', rootDir === undefined ? tf.moduleSource : moduleSourceFor(tf.moduleSource, rootDir)],
  ];
  if (tf.moduleVersion) source.push(['version', tf.moduleVersion]);

  const main = `# ${app} in ${env}: generated by the Lambda Paved Road template
# (lambda:terraform:provision). The pipeline deploys the code; this module
# owns the infrastructure. Change settings here, not in the AWS console.

terraform {
  required_version = ">= 1.9.0"

${backendBlock(tf.state, app, env)}
}

module "app" {
${hclAttributes(source)}

${hclAttributes(rootModuleVariables(input, config))}
}
`;
  const outputs = ROOT_OUTPUTS.map(
    name => `output "${name}" {\n  value = module.app.${name}\n}\n`,
  ).join('\n');
  return { 'main.tf': main, 'outputs.tf': outputs };
}
