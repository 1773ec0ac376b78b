import type { Config } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import {
  createTemplateAction,
  parseRepoUrl,
} from '@backstage/plugin-scaffolder-node';
import { GithubClient } from '../github/GithubClient';
import { examples } from './githubEnvironmentBranches.examples';

/**
 * `lambda:github:environment-branches`: after `publish:github`, creates the
 * environment branches from the default branch and protects them (no
 * deletion, no force-push, changes through reviewed pull requests).
 * @public
 */
export function createGithubEnvironmentBranchesAction(options: { config: Config }) {
  const integrations = ScmIntegrations.fromConfig(options.config);
  return createTemplateAction({
    id: 'lambda:github:environment-branches',
    description:
      'Creates the environment branches (e.g. dev, test, stage) from the default branch of a GitHub repository and protects them.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoUrl: z => z.string({ description: 'github.com?owner=…&repo=…' }),
        defaultBranch: z => z.string().default('main'),
        branches: z => z.array(z.string(), { description: 'Branches to create and protect' }),
        requiredApprovals: z =>
          z
            .number({ description: 'Approving reviews a pull request into an environment branch needs' })
            .int()
            .min(0)
            .max(6)
            .default(1),
        token: z =>
          z.string({ description: 'GitHub token; default: the integration credentials' }).optional(),
      },
      output: {
        branches: z => z.array(z.string()),
        created: z => z.array(z.string(), { description: 'Branches this run created (others existed)' }),
      },
    },
    async handler(ctx) {
      const input = {
        ...ctx.input,
        defaultBranch: ctx.input.defaultBranch ?? 'main',
        requiredApprovals: ctx.input.requiredApprovals ?? 1,
      };
      const { host, owner, repo } = parseRepoUrl(input.repoUrl, integrations);
      const branches = input.branches.filter(b => b !== input.defaultBranch);
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would create and protect ${branches.join(', ')} in ${owner}/${repo}`);
        ctx.output('branches', branches);
        ctx.output('created', []);
        return;
      }
      const client = await GithubClient.create({ integrations, host, owner: owner!, repo, token: input.token });
      const sha = await client.branchSha(input.defaultBranch);
      if (!sha) {
        throw new Error(`${owner}/${repo} has no branch ${input.defaultBranch} to create the environment branches from`);
      }
      const created: string[] = [];
      for (const branch of branches) {
        const result = await ctx.checkpoint({
          key: `lambda-paved-road.github-branch.${owner}/${repo}.${branch}.v1`,
          fn: async () => {
            const outcome = await client.ensureBranch(branch, sha);
            await client.request('PUT', `/branches/${encodeURIComponent(branch)}/protection`, {
              required_status_checks: null,
              enforce_admins: true,
              required_pull_request_reviews: {
                required_approving_review_count: input.requiredApprovals,
                dismiss_stale_reviews: true,
              },
              restrictions: null,
              allow_force_pushes: false,
              allow_deletions: false,
            });
            ctx.logger.info(`${branch}: ${outcome}, protected`);
            return outcome;
          },
        });
        if (result === 'created') created.push(branch);
      }
      ctx.output('branches', branches);
      ctx.output('created', created);
    },
  });
}
