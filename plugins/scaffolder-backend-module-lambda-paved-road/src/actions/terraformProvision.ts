import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
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
      // One environment at a time, in promotion order: the log stays readable
      // and a failure stops before the next environment.
      for (const target of selected) {
        const dir = path.join(tf.workingDirectory, input.app, target.name);
        rootModules[target.name] = dir;
        environments[target.name] = await ctx.checkpoint({
          key: `lambda-paved-road.terraform-apply.${input.app}.${target.name}.v1`,
          fn: async () => {
            await claimRootModule(dir, ctx.task.id, input.app, target.name);
            await writeFiles(dir, renderRootModule(moduleInput(target), settings, dir));
            const run = (args: string[], capture = false) =>
              runTerraform(
                args,
                { binary: tf.binary, cwd: dir, env, logger: ctx.logger, redact, signal: ctx.signal },
                capture,
              );
            ctx.logger.info(`Provisioning ${input.app} in ${target.name} (${dir})`);
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
              `${target.name}: function ${outputs.functionArn}${outputs.url ? `, ${outputs.url}` : ''}`,
            );
            return outputs as JsonObject as EnvironmentOutputs;
          },
        });
      }
      ctx.output('mode', 'apply');
      ctx.output('environments', environments);
      ctx.output('rootModules', rootModules);
    },
  });
}
