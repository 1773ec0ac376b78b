import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '@backstage/config';
import { InputError, toError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import {
  createTemplateAction,
  parseRepoUrl,
} from '@backstage/plugin-scaffolder-node';
import type { JsonObject } from '@backstage/types';
import { resolveEnvironments, ResolvedEnvironment, settingsSchema, withDefaults } from '../app';
import {
  fillPlaceholders,
  ProvisioningConfig,
  readProvisioningConfig,
} from '../config';
import { GithubClient } from '../github/GithubClient';
import { openPullRequest } from '../github/pullRequest';
import { createRedactor } from '../terraform/redact';
import { renderRootModule, RootModuleInput, ROOT_OUTPUTS } from '../terraform/render';
import { runTerraform } from '../terraform/runner';
import { settleAll } from '../parallel';
import { examples } from './terraformProvision.examples';

/** Terraform output names → the camelCase keys the template sees. */
const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Marks a root module directory with the task that created it. */
const OWNER_FILE = '.lambda-paved-road-task';

type EnvironmentOutputs = Record<string, string | null>;

/** What the app would get, computed without Terraform (dry run, pull request). */
function plannedOutputs(env: ResolvedEnvironment, exposure: string): EnvironmentOutputs {
  const fn = `arn:aws:lambda:${env.region}:${env.workloadsAccountId}:function:${env.functionName}`;
  return {
    functionName: env.functionName,
    functionArn: fn,
    aliasArn: `${fn}:${env.functionAlias}`,
    ecrRepositoryUrl: `${env.workloadsAccountId}.dkr.ecr.${env.region}.amazonaws.com/${env.ecrRepositoryName}`,
    pipelineName: env.pipelineName,
    url: exposure === 'external' ? env.url : null,
    hostname: env.hostname,
  };
}

async function writeFiles(dir: string, files: Record<string, string>) {
  await fs.mkdir(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    await fs.writeFile(path.join(dir, name), content);
  }
}

/**
 * Refuses to apply over a root module another task created: with the same
 * app name, the state is that app's, and applying would take it over.
 */
async function claimRootModule(dir: string, taskId: string, app: string, env: string) {
  const file = path.join(dir, OWNER_FILE);
  const owner = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (owner !== undefined && owner.trim() !== taskId) {
    throw new InputError(
      `App "${app}" is already provisioned in ${env} (root module ${dir}, created by task ${owner.trim()}); choose another app name`,
    );
  }
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(file, taskId);
}

/** Terraform failed in one or more environments (the message names each). */
class TerraformProvisionError extends Error {
  readonly name = 'TerraformProvisionError';
}

/**
 * The one error of a run in which some environments failed: names each
 * failed environment with its error, and what a retry does. An input error
 * (e.g. another task's root module) stays one when it is the only kind.
 */
function provisioningFailed(
  failures: Array<{ name: string; error: unknown }>,
  applied: string[],
  total: number,
): Error {
  const failed = failures.map(f => f.name).join(', ');
  const summary = [
    `Provisioning failed in ${failed} (${failures.length} of ${total} environment${total === 1 ? '' : 's'}).`,
    applied.length > 0
      ? `Applied and checkpointed: ${applied.join(', ')}.`
      : 'No environment was applied.',
    `Retrying the task (once the cause is fixed) resumes ${failed} only${
      applied.length > 0 ? `; ${applied.join(', ')} ${applied.length === 1 ? 'is' : 'are'} not applied again` : ''
    }. A failed environment keeps its root module and state.`,
  ].join(' ');
  const message = [summary, ...failures.map(f => `\n${f.name}: ${toError(f.error).message}`)].join('\n');
  return failures.every(f => f.error instanceof InputError)
    ? new InputError(message)
    : new TerraformProvisionError(message);
}

/**
 * `lambda:terraform:provision`: renders one Terraform root module per
 * environment calling the app-environment composition, then applies them
 * (streaming Terraform's output into the task log) or opens a pull request
 * with them on the infrastructure repository, as configured.
 * @public
 */
export function createTerraformProvisionAction(options: { config: Config }) {
  const { config } = options;
  const integrations = ScmIntegrations.fromConfig(config);
  // Read on first use: a portal without provisioning config can still start.
  let provisioning: ProvisioningConfig | undefined;
  const getProvisioning = () => {
    if (!config.has('lambdaPavedRoad.provisioning')) {
      throw new InputError(
        'lambdaPavedRoad.provisioning is not configured: see the README of the scaffolder module',
      );
    }
    provisioning ??= readProvisioningConfig(config);
    return provisioning;
  };

  return createTemplateAction({
    id: 'lambda:terraform:provision',
    description:
      "Provisions a containerized Lambda app's environments with Terraform: applies one root module per environment, or opens a pull request with them, by configuration.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...settingsSchema,
        repository: z =>
          z
            .string({ description: 'The source repository as owner/name (the pipelines watch it)' })
            .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'repository must be owner/name'),
        token: z =>
          z
            .string({
              description:
                'GitHub token for pull-request mode (e.g. ${{ secrets.USER_OAUTH_TOKEN }}); default: the integration credentials',
            })
            .optional(),
      },
      output: {
        mode: z => z.enum(['apply', 'pull-request', 'dry-run']),
        environments: z =>
          z.record(z.record(z.string().nullable()), {
            description:
              'Per environment: functionName, functionArn, aliasArn, ecrRepositoryUrl, pipelineName, url (null for internal apps), …',
          }),
        rootModules: z =>
          z.record(z.string(), {
            description: 'Per environment: where its root module was rendered',
          }),
        pullRequestUrl: z => z.string().optional(),
      },
    },
    async handler(ctx) {
      const input = withDefaults(ctx.input);
      const settings = getProvisioning();
      const { selected } = resolveEnvironments(config, input.app, input.environments);
      const moduleInput = (environment: ResolvedEnvironment): RootModuleInput => ({
        app: input.app,
        environment,
        exposure: input.exposure,
        architecture: input.architecture,
        memorySize: input.memorySize,
        timeout: input.timeout,
        reservedConcurrency: input.reservedConcurrency,
        repository: input.repository,
      });
      const environments: Record<string, EnvironmentOutputs> = {};
      const rootModules: Record<string, string> = {};

      if (ctx.isDryRun) {
        for (const env of selected) {
          const dir = path.join(ctx.workspacePath, 'terraform', env.name);
          await writeFiles(dir, renderRootModule(moduleInput(env), settings, dir));
          rootModules[env.name] = path.relative(ctx.workspacePath, dir);
          environments[env.name] = plannedOutputs(env, input.exposure);
          ctx.logger.info(`Dry run: rendered ${rootModules[env.name]}; Terraform not run`);
        }
        ctx.output('mode', 'dry-run');
        ctx.output('environments', environments);
        ctx.output('rootModules', rootModules);
        return;
      }

      if (settings.mode === 'pull-request') {
        const pr = settings.pullRequest!;
        const files: Record<string, string> = {};
        for (const env of selected) {
          const dir = fillPlaceholders(
            pr.directory,
            { app: input.app, environment: env.name },
            'lambdaPavedRoad.provisioning.pullRequest.directory',
          );
          // The module source is used as configured: it resolves in the
          // infrastructure repository, not on this backend.
          const rendered = renderRootModule(moduleInput(env), settings);
          for (const [name, content] of Object.entries(rendered)) {
            files[`${dir}/${name}`] = content;
          }
          rootModules[env.name] = dir;
          environments[env.name] = plannedOutputs(env, input.exposure);
        }
        const target = parseRepoUrl(pr.repoUrl, integrations);
        const url = await ctx.checkpoint({
          key: `lambda-paved-road.pull-request.${input.app}.v1`,
          fn: async () => {
            const client = await GithubClient.create({
              integrations,
              host: target.host,
              owner: target.owner!,
              repo: target.repo,
              token: input.token,
            });
            const result = await openPullRequest(client, {
              baseBranch: pr.baseBranch,
              branch: `lambda-paved-road/${input.app}`,
              title: `Provision ${input.app} in ${selected.map(e => e.name).join(', ')}`,
              body: [
                `Infrastructure of the containerized Lambda app **${input.app}** (${input.exposure}, ${input.architecture}, ${input.memorySize} MB, ${input.timeout} s), source repository \`${input.repository}\`.`,
                '',
                'Generated by the Lambda Paved Road template (`lambda:terraform:provision`). One root module per environment:',
                '',
                ...selected.map(e => `- \`${rootModules[e.name]}\` — ${e.name}: functions in ${e.workloadsAccountId}, pipeline in ${e.deploymentsAccountId}`),
              ].join('\n'),
              files,
            });
            ctx.logger.info(
              `${result.created ? 'Opened' : 'Updated'} pull request ${result.url}`,
            );
            return result.url;
          },
        });
        ctx.output('mode', 'pull-request');
        ctx.output('environments', environments);
        ctx.output('rootModules', rootModules);
        ctx.output('pullRequestUrl', url);
        return;
      }

      const tf = settings.terraform;
      const env: Record<string, string | undefined> = {
        ...(tf.inheritEnv
          ? process.env
          : { PATH: process.env.PATH, HOME: process.env.HOME }),
        ...tf.env,
        TF_IN_AUTOMATION: '1',
        TF_INPUT: '0',
        CHECKPOINT_DISABLE: '1',
      };
      const redact = createRedactor(env, [
        input.token,
        ...Object.values(ctx.secrets ?? {}),
      ]);
      // In parallel (up to terraform.parallelism at a time, started in
      // promotion order): each environment has its own root module
      // directory, its own state (file, or S3 key and lock) and its own
      // accounts, and its resource names carry the environment, so no two
      // applies touch the same thing; most of an apply is waiting on AWS.
      // Their output interleaves in the one task log, so every line is
      // prefixed with its environment ("[test] …"). Each environment is
      // its own checkpoint and a failure does not stop the others: the
      // task fails once all have finished, and a retry applies only the
      // environments that did not.
      const { parallelism } = tf;
      ctx.logger.info(
        `Applying ${selected.map(e => e.name).join(', ')}, ${parallelism === 1 ? 'one at a time' : `up to ${parallelism} at a time`}`,
      );
      const applyOne = async (target: ResolvedEnvironment): Promise<EnvironmentOutputs> => {
        const dir = rootModules[target.name];
        const prefix = `[${target.name}] `;
        return ctx.checkpoint({
          key: `lambda-paved-road.terraform-apply.${input.app}.${target.name}.v1`,
          fn: async () => {
            if (ctx.signal?.aborted) {
              throw new Error('not started: the task was cancelled');
            }
            await claimRootModule(dir, ctx.task.id, input.app, target.name);
            await writeFiles(dir, renderRootModule(moduleInput(target), settings, dir));
            const run = (args: string[], capture = false) =>
              runTerraform(
                args,
                { binary: tf.binary, cwd: dir, env, logger: ctx.logger, redact, prefix, signal: ctx.signal },
                capture,
              );
            ctx.logger.info(redact(`${prefix}Provisioning ${input.app} in ${target.name} (${dir})`));
            await run(['init', '-input=false', '-no-color']);
            await run(['plan', '-input=false', '-no-color', '-lock-timeout=120s', '-out=tfplan']);
            await run(['apply', '-input=false', '-no-color', '-lock-timeout=120s', 'tfplan']);
            const raw = JSON.parse(await run(['output', '-no-color', '-json'], true)) as Record<
              string,
              { value: unknown; sensitive?: boolean }
            >;
            const outputs: EnvironmentOutputs = {};
            for (const name of ROOT_OUTPUTS) {
              const o = raw[name];
              if (o && !o.sensitive) {
                outputs[camel(name)] = typeof o.value === 'string' ? o.value : null;
              }
            }
            ctx.logger.info(
              redact(
                `${prefix}Applied: function ${outputs.functionArn}${outputs.url ? `, ${outputs.url}` : ''}`,
              ),
            );
            return outputs as JsonObject as EnvironmentOutputs;
          },
        });
      };
      for (const target of selected) {
        rootModules[target.name] = path.join(tf.workingDirectory, input.app, target.name);
      }
      const results = await settleAll(selected, parallelism, applyOne);
      const failures: Array<{ name: string; error: unknown }> = [];
      selected.forEach((target, i) => {
        const result = results[i];
        if (result.status === 'fulfilled') environments[target.name] = result.value;
        else failures.push({ name: target.name, error: result.reason });
      });
      if (failures.length > 0) {
        throw provisioningFailed(failures, Object.keys(environments), selected.length);
      }
      ctx.output('mode', 'apply');
      ctx.output('environments', environments);
      ctx.output('rootModules', rootModules);
    },
  });
}
