import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { readLocalRepositoriesDirectory } from '../config';
import { git, protectionHook } from '../git/localGit';
import { examples } from './gitPublishLocal.examples';

const NAME = /^[A-Za-z0-9_.-]+$/;
const BRANCH = /^[A-Za-z0-9._/-]+$/;

/**
 * `lambda:git:publish-local`: publishes the workspace as a git repository on
 * the backend's disk, with the environment branches, for the local stack
 * where no GitHub is reachable. Pushes to the checked-out default branch
 * update its working tree, so the catalog's file location stays current.
 * @public
 */
export function createGitPublishLocalAction(options: { config: Config }) {
  const { config } = options;
  return createTemplateAction({
    id: 'lambda:git:publish-local',
    description:
      'Publishes the workspace as a local git repository with protected environment branches (the local stack’s stand-in for publish:github).',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        owner: z => z.string({ description: 'Owner folder of the repository' }).regex(NAME, 'owner may contain only letters, digits, ".", "_" and "-"'),
        repo: z => z.string({ description: 'Repository name' }).regex(NAME, 'repo may contain only letters, digits, ".", "_" and "-"'),
        sourcePath: z => z.string({ description: 'Folder of the workspace to publish; default: the whole workspace' }).optional(),
        defaultBranch: z => z.string({ description: 'Branch of the first commit' }).regex(BRANCH).default('main'),
        branches: z =>
          z.array(z.string().regex(BRANCH), { description: 'Environment branches created from the default branch' }).default([]),
        commitMessage: z => z.string().default('Initial commit from the Lambda Paved Road template'),
      },
      output: {
        remoteUrl: z => z.string({ description: 'file:// URL to clone the repository from' }),
        repoContentsUrl: z => z.string(),
        localPath: z => z.string(),
        catalogInfoPath: z => z.string({ description: 'Absolute path of catalog-info.yaml in the repository' }),
        commitHash: z => z.string(),
        branches: z => z.array(z.string()),
      },
    },
    async handler(ctx) {
      const input = {
        ...ctx.input,
        defaultBranch: ctx.input.defaultBranch ?? 'main',
        branches: ctx.input.branches ?? [],
        commitMessage: ctx.input.commitMessage ?? 'Initial commit from the Lambda Paved Road template',
      };
      const base = readLocalRepositoriesDirectory(config);
      const dir = resolveSafeChildPath(base, path.join(input.owner, input.repo));
      const source = resolveSafeChildPath(ctx.workspacePath, input.sourcePath ?? '.');
      const branches = [input.defaultBranch, ...input.branches.filter(b => b !== input.defaultBranch)];
      const publish = (commitHash: string) => {
        ctx.output('remoteUrl', `file://${dir}`);
        ctx.output('repoContentsUrl', `file://${dir}`);
        ctx.output('localPath', dir);
        ctx.output('catalogInfoPath', path.join(dir, 'catalog-info.yaml'));
        ctx.output('commitHash', commitHash);
        ctx.output('branches', branches);
      };
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would create ${dir} with branches ${branches.join(', ')}`);
        publish('0000000');
        return;
      }

      const commitHash = await ctx.checkpoint({
        key: `lambda-paved-road.git-publish-local.${input.owner}/${input.repo}.v1`,
        fn: async () => {
          const exists = await fs.stat(dir).then(() => true, () => false);
          if (exists) {
            // Only a retry of this very task may continue in an existing folder.
            const owner = await git(dir, ['config', '--get', 'lambdaPavedRoad.task']).catch(() => '');
            if (owner !== ctx.task.id) {
              throw new InputError(`Repository ${input.owner}/${input.repo} already exists at ${dir}`);
            }
          } else {
            await fs.mkdir(dir, { recursive: true });
            await git(dir, ['init', '--quiet', `--initial-branch=${input.defaultBranch}`]);
            await git(dir, ['config', 'lambdaPavedRoad.task', ctx.task.id]);
          }
          await git(dir, ['config', 'receive.denyCurrentBranch', 'updateInstead']);
          const hook = path.join(dir, '.git', 'hooks', 'pre-receive');
          await fs.writeFile(hook, protectionHook(branches), { mode: 0o755 });

          await fs.cp(source, dir, {
            recursive: true,
            filter: src => path.basename(src) !== '.git',
          });
          await git(dir, ['add', '--all']);
          const hasHead = await git(dir, ['rev-parse', '--verify', '--quiet', 'HEAD']).then(() => true, () => false);
          const dirty = (await git(dir, ['status', '--porcelain'])) !== '';
          if (!hasHead || dirty) {
            await git(dir, ['commit', '--quiet', '-m', input.commitMessage]);
          }
          for (const branch of branches.slice(1)) {
            const has = await git(dir, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`]).then(() => true, () => false);
            if (!has) await git(dir, ['branch', branch, input.defaultBranch]);
          }
          const sha = await git(dir, ['rev-parse', 'HEAD']);
          ctx.logger.info(`Created ${dir} at ${sha.slice(0, 7)} with branches ${branches.join(', ')}`);
          return sha;
        },
      });
      publish(commitHash);
    },
  });
}
