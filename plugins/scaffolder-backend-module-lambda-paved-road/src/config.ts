import os from 'node:os';
import path from 'node:path';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { JsonObject, JsonValue } from '@backstage/types';

/** How repositories are published. @public */
export type RepositoryMode = 'github' | 'local';

/** How environments are provisioned. @public */
export type ProvisioningMode = 'apply' | 'pull-request';

/** Where Terraform keeps the state of one app in one environment. */
export type StateConfig =
  | { backend: 'local'; directory: string }
  | {
      backend: 's3';
      bucket: string;
      region: string;
      keyPrefix: string;
      useLockfile: boolean;
      roleArn?: string;
    };

/** `lambdaPavedRoad.provisioning`, read and defaulted. */
export interface ProvisioningConfig {
  mode: ProvisioningMode;
  connectionArn: string;
  placeholderImageUri: string;
  variables: JsonObject;
  environmentVariables: Record<string, JsonObject>;
  terraform: {
    moduleSource: string;
    moduleVersion?: string;
    workingDirectory: string;
    binary: string;
    inheritEnv: boolean;
    env: Record<string, string>;
    state: StateConfig;
    /** How many environments are applied at once. */
    parallelism: number;
  };
  pullRequest?: { repoUrl: string; baseBranch?: string; directory: string };
}

const tmp = (...parts: string[]) =>
  path.join(os.tmpdir(), 'lambda-paved-road', ...parts);

/** Relative paths in configuration resolve against the backend's working directory. */
const absolute = (p: string) => path.resolve(process.cwd(), p);

/**
 * The repository mode: configured, or `github` when a GitHub integration has
 * credentials (a token or an app) and `local` otherwise.
 */
export function readRepositoryMode(config: Config): RepositoryMode {
  const configured = config.getOptionalString('lambdaPavedRoad.repositories.mode');
  if (configured !== undefined) {
    if (configured !== 'github' && configured !== 'local') {
      throw new InputError(
        `lambdaPavedRoad.repositories.mode must be "github" or "local", got "${configured}"`,
      );
    }
    return configured;
  }
  const github = config.getOptionalConfigArray('integrations.github') ?? [];
  const hasCredentials = github.some(
    g => g.has('token') || (g.getOptionalConfigArray('apps') ?? []).length > 0,
  );
  return hasCredentials ? 'github' : 'local';
}

/** The directory of local repositories. */
export function readLocalRepositoriesDirectory(config: Config): string {
  const dir = config.getOptionalString('lambdaPavedRoad.localRepositories.directory');
  return dir ? absolute(dir) : tmp('repositories');
}

/** Environments applied at once when `terraform.parallelism` is not set. */
export const DEFAULT_PARALLELISM = 4;

/**
 * `terraform.parallelism`: a whole number ≥ 1. A string of digits is
 * accepted too (what `${ENV_VAR}` substitution yields).
 */
function readParallelism(tf: Config): number {
  const raw = tf.getOptional('parallelism');
  if (raw === undefined) return DEFAULT_PARALLELISM;
  const value = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new InputError(
      `lambdaPavedRoad.provisioning.terraform.parallelism must be a whole number of at least 1 (how many environments are applied at once; 1 applies them one at a time), got ${JSON.stringify(raw)}`,
    );
  }
  return value;
}

function readState(c: Config | undefined, workingDirectory: string): StateConfig {
  const backend = c?.getOptionalString('backend') ?? 'local';
  if (backend === 'local') {
    const dir = c?.getOptionalString('directory');
    return {
      backend,
      directory: dir ? absolute(dir) : path.join(workingDirectory, 'state'),
    };
  }
  if (backend === 's3') {
    const s3 = c!.getConfig('s3');
    return {
      backend,
      bucket: s3.getString('bucket'),
      region: s3.getString('region'),
      keyPrefix: s3.getOptionalString('keyPrefix') ?? 'lambda-paved-road',
      useLockfile: s3.getOptionalBoolean('useLockfile') ?? true,
      roleArn: s3.getOptionalString('roleArn'),
    };
  }
  throw new InputError(
    `lambdaPavedRoad.provisioning.terraform.state.backend must be "local" or "s3", got "${backend}"`,
  );
}

/** Reads `lambdaPavedRoad.provisioning`; throws naming the key that is wrong. */
export function readProvisioningConfig(config: Config): ProvisioningConfig {
  const root = config.getConfig('lambdaPavedRoad.provisioning');
  const mode = root.getOptionalString('mode') ?? 'apply';
  if (mode !== 'apply' && mode !== 'pull-request') {
    throw new InputError(
      `lambdaPavedRoad.provisioning.mode must be "apply" or "pull-request", got "${mode}"`,
    );
  }
  const tf = root.getConfig('terraform');
  const workingDirectory = tf.getOptionalString('workingDirectory')
    ? absolute(tf.getString('workingDirectory'))
    : tmp('terraform');
  const envConfig = tf.getOptionalConfig('env');
  const env: Record<string, string> = {};
  for (const key of envConfig?.keys() ?? []) env[key] = envConfig!.getString(key);

  const perEnv = root.getOptionalConfig('environments');
  const environmentVariables: Record<string, JsonObject> = {};
  for (const name of perEnv?.keys() ?? []) {
    environmentVariables[name] =
      (perEnv!.getOptional<JsonObject>(`${name}.variables`) as JsonObject) ?? {};
  }

  const pr = root.getOptionalConfig('pullRequest');
  if (mode === 'pull-request' && !pr) {
    throw new InputError(
      'lambdaPavedRoad.provisioning.pullRequest.repoUrl is required when provisioning.mode is "pull-request"',
    );
  }
  return {
    mode,
    connectionArn: root.getString('connectionArn'),
    placeholderImageUri: root.getString('placeholderImageUri'),
    variables: (root.getOptional<JsonValue>('variables') as JsonObject) ?? {},
    environmentVariables,
    terraform: {
      moduleSource: tf.getString('moduleSource'),
      moduleVersion: tf.getOptionalString('moduleVersion'),
      workingDirectory,
      binary: tf.getOptionalString('binary') ?? 'terraform',
      inheritEnv: tf.getOptionalBoolean('inheritEnv') ?? true,
      env,
      state: readState(tf.getOptionalConfig('state'), workingDirectory),
      parallelism: readParallelism(tf),
    },
    pullRequest: pr && {
      repoUrl: pr.getString('repoUrl'),
      baseBranch: pr.getOptionalString('baseBranch'),
      directory: pr.getOptionalString('directory') ?? 'apps/{app}/{environment}',
    },
  };
}

/** Replaces `{key}` placeholders; an unknown placeholder is an error, not a silent blank. */
export function fillPlaceholders(
  template: string,
  values: Record<string, string>,
  where: string,
): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (_, key: string) => {
    if (!(key in values)) {
      throw new InputError(
        `${where}: unknown placeholder {${key}}; known: ${Object.keys(values)
          .map(k => `{${k}}`)
          .join(', ')}`,
      );
    }
    return values[key];
  });
}
