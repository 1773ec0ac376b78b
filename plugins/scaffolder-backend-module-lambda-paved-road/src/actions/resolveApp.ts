import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import {
  createTemplateAction,
  parseRepoUrl,
} from '@backstage/plugin-scaffolder-node';
import { defaultBranchOf, resolveEnvironments, settingsSchema, withDefaults } from '../app';
import { readRepositoryMode } from '../config';
import { examples } from './resolveApp.examples';

const REPO_PART = /^[A-Za-z0-9_.-]+$/;

/**
 * `lambda:app:resolve`: checks the app name and settings against the naming
 * rules and the configured environments, and returns every name, URL and
 * account the later steps need, plus where the repository goes.
 * @public
 */
export function createResolveAppAction(options: { config: Config }) {
  const { config } = options;
  const integrations = ScmIntegrations.fromConfig(config);
  return createTemplateAction({
    id: 'lambda:app:resolve',
    description:
      'Resolves the names, URLs and accounts of a containerized Lambda app in each selected environment, rejecting a bad name with the rule it breaks.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...settingsSchema,
        repoUrl: z =>
          z
            .string({
              description:
                'Repository location as given by RepoUrlPicker (github.com?owner=…&repo=…); in local mode it names the local repository and defaults to local/{app}',
            })
            .optional(),
      },
      output: {
        app: z => z.string(),
        exposure: z => z.string(),
        runtime: z => z.string(),
        architecture: z => z.string(),
        memorySize: z => z.number(),
        timeout: z => z.number(),
        reservedConcurrency: z => z.number().optional(),
        environments: z =>
          z.array(z.record(z.union([z.string(), z.boolean()])), {
            description: 'Selected environments in promotion order, each with its resource names, url and consoleUrl',
          }),
        environmentNames: z => z.array(z.string()),
        defaultBranch: z => z.string(),
        environmentBranches: z =>
          z.array(z.string(), {
            description:
              'Branches created beside the default branch: one per configured environment, so adding an environment later needs no repository change',
          }),
        repository: z =>
          z.object({
            mode: z.enum(['github', 'local']),
            host: z.string(),
            owner: z.string(),
            name: z.string(),
            slug: z.string(),
            repoUrl: z.string(),
          }),
        links: z => z.array(z.object({ title: z.string(), url: z.string() })),
      },
    },
    async handler(ctx) {
      const input = withDefaults(ctx.input);
      const { selected, all } = resolveEnvironments(
        config,
        input.app,
        input.environments,
      );

      const mode = readRepositoryMode(config);
      let host = mode === 'github' ? 'github.com' : 'local';
      let owner = 'local';
      let name = input.app;
      if (input.repoUrl) {
        const parsed = parseRepoUrl(input.repoUrl, integrations);
        host = parsed.host;
        owner = parsed.owner ?? '';
        name = parsed.repo;
      } else if (mode === 'github') {
        throw new InputError(
          'repoUrl is required: choose where on GitHub to create the repository',
        );
      }
      for (const [what, value] of [
        ['owner', owner],
        ['repository name', name],
      ]) {
        if (!REPO_PART.test(value)) {
          throw new InputError(
            `Repository ${what} "${value}" may contain only letters, digits, ".", "_" and "-"`,
          );
        }
      }
      if (mode === 'github' && !integrations.github.byHost(host)) {
        throw new InputError(`No GitHub integration is configured for host ${host}`);
      }

      const defaultBranch = defaultBranchOf(all);
      const environmentBranches = all
        .map(e => e.branch)
        .filter(b => b !== defaultBranch);
      const links = selected.map(env =>
        input.exposure === 'external'
          ? { title: `${env.name}: ${env.url}`, url: env.url }
          : { title: `${env.name}: function ${env.functionName}`, url: env.consoleUrl },
      );

      ctx.logger.info(
        `App ${input.app} (${input.exposure}, ${input.runtime}, ${input.architecture}) in ${selected
          .map(e => e.name)
          .join(', ')}; repository ${owner}/${name} (${mode})`,
      );
      ctx.output('app', input.app);
      ctx.output('exposure', input.exposure);
      ctx.output('runtime', input.runtime);
      ctx.output('architecture', input.architecture);
      ctx.output('memorySize', input.memorySize);
      ctx.output('timeout', input.timeout);
      if (input.reservedConcurrency !== undefined) {
        ctx.output('reservedConcurrency', input.reservedConcurrency);
      }
      ctx.output('environments', selected);
      ctx.output('environmentNames', selected.map(e => e.name));
      ctx.output('defaultBranch', defaultBranch);
      ctx.output('environmentBranches', environmentBranches);
      ctx.output('repository', {
        mode,
        host,
        owner,
        name,
        slug: `${owner}/${name}`,
        repoUrl: `${host}?owner=${encodeURIComponent(owner)}&repo=${encodeURIComponent(name)}`,
      });
      ctx.output('links', links);
    },
  });
}
