import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  PavedRoadEnvironment,
  ResourceNames,
  readEnvironments,
  resourceNames,
  selectEnvironments,
  validateAppName,
} from '@lambda-paved-road/plugin-lambda-paved-road-common';
import type { createTemplateAction } from '@backstage/plugin-scaffolder-node';

/**
 * The zod the scaffolder hands to schema callbacks (zod 4's v3 API): taken
 * from scaffolder-node's own types, since this package's zod is another copy.
 */
export type ZodImpl = Parameters<
  Extract<
    NonNullable<Parameters<typeof createTemplateAction>[0]['schema']>['input'],
    (z: any) => any
  >
>[0];

/** The Lambda runtimes the skeleton supports. */
export const RUNTIMES = ['python3.12', 'nodejs22.x'] as const;
export const ARCHITECTURES = ['arm64', 'x86_64'] as const;
export const EXPOSURES = ['internal', 'external'] as const;

/**
 * Zod schemas of the app settings, shared by the actions' input schemas.
 * @internal (kept out of the declarations: its zod types are another copy's)
 */
export const settingsSchema = {
  app: (z: ZodImpl) =>
    z.string({ description: 'The app name (see the naming rules of -common)' }),
  environments: (z: ZodImpl) =>
    z
      .array(z.string(), {
        description: 'Environments to create, by name; default: every configured one',
      })
      .optional(),
  exposure: (z: ZodImpl) =>
    z
      .enum(EXPOSURES, {
        description: 'internal, or external behind an ALB and Cloudflare',
      })
      .default('internal'),
  runtime: (z: ZodImpl) =>
    z.enum(RUNTIMES, { description: 'Lambda runtime of the skeleton' }).default('python3.12'),
  architecture: (z: ZodImpl) =>
    z.enum(ARCHITECTURES, { description: 'Function architecture' }).default('arm64'),
  memorySize: (z: ZodImpl) =>
    z
      .number({ description: 'Memory in MB (128-10240)' })
      .int('memorySize must be a whole number of MB')
      .min(128, 'memorySize must be at least 128 MB')
      .max(10240, 'memorySize must be at most 10240 MB')
      .default(512),
  timeout: (z: ZodImpl) =>
    z
      .number({ description: 'Timeout in seconds (1-900)' })
      .int('timeout must be a whole number of seconds')
      .min(1, 'timeout must be at least 1 second')
      .max(900, 'timeout must be at most 900 seconds (15 minutes)')
      .default(30),
  reservedConcurrency: (z: ZodImpl) =>
    z
      .number({ description: 'Reserved concurrency; empty: unreserved' })
      .int('reservedConcurrency must be a whole number')
      .min(0, 'reservedConcurrency must not be negative')
      .optional(),
};

/** One selected environment with every name the app gets there. */
export interface ResolvedEnvironment extends ResourceNames {
  [key: string]: string | boolean;
  name: string;
  branch: string;
  production: boolean;
  region: string;
  domain: string;
  deploymentsAccountId: string;
  workloadsAccountId: string;
  /** The function's page in the AWS console (internal apps have no URL). */
  consoleUrl: string;
}

/**
 * Validates the app name against every selected environment and returns the
 * environments with their names. Throws an InputError naming each broken rule.
 */
export function resolveEnvironments(
  config: Config,
  app: string,
  names: string[] | undefined,
): { selected: ResolvedEnvironment[]; all: PavedRoadEnvironment[] } {
  const all = readEnvironments(config);
  let selected: PavedRoadEnvironment[];
  try {
    selected = selectEnvironments(all, names);
  } catch (e) {
    throw new InputError((e as Error).message);
  }
  const violations = validateAppName(app, selected);
  if (violations.length > 0) {
    throw new InputError(
      `Invalid app name "${app}": ${violations
        .map(v => `${v.message} [${v.rule}]`)
        .join('; ')}`,
    );
  }
  return {
    all,
    selected: selected.map(env => {
      const resources = resourceNames(app, env);
      return {
        ...resources,
        name: env.name,
        branch: env.branch,
        production: env.production,
        region: env.region,
        domain: env.domain,
        deploymentsAccountId: env.deploymentsAccountId,
        workloadsAccountId: env.workloadsAccountId,
        consoleUrl: `https://${env.region}.console.aws.amazon.com/lambda/home?region=${env.region}#/functions/${resources.functionName}`,
      };
    }),
  };
}

/** The branch the repository is created with: production's, or `main`. */
export function defaultBranchOf(all: PavedRoadEnvironment[]): string {
  return all.find(e => e.production)?.branch ?? 'main';
}

/**
 * The settings with their defaults. The scaffolder validates action input
 * against the JSON schema but does not apply its defaults, so each handler
 * applies them here.
 */
export function withDefaults<
  T extends {
    exposure?: (typeof EXPOSURES)[number];
    runtime?: (typeof RUNTIMES)[number];
    architecture?: (typeof ARCHITECTURES)[number];
    memorySize?: number;
    timeout?: number;
  },
>(input: T) {
  return {
    ...input,
    exposure: input.exposure ?? 'internal',
    runtime: input.runtime ?? 'python3.12',
    architecture: input.architecture ?? 'arm64',
    memorySize: input.memorySize ?? 512,
    timeout: input.timeout ?? 30,
  };
}
