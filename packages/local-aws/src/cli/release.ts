/*
 * `yarn release <app> <env> [--commit <sha>] [--repo <dir>]`: deploys a
 * commit of a generated repository to one environment of the running local
 * stack, by running the repository's own buildspec.yml (see release/release.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '@backstage/config';
import { readEnvironments } from '@lambda-paved-road/plugin-lambda-paved-road-common';
import { releaseCommit } from '../release/release';
import { readAppConfig, repoRoot } from './repo';
import { readStackState } from './stackState';


function usage(message?: string): never {
  if (message) process.stderr.write(`release: ${message}\n`);
  process.stderr.write(
    'usage: yarn release <app> <environment> [--commit <sha>] [--repo <path of the generated repository>]\n',
  );
  process.exit(2);
}

function findRepository(app: string, config: Config): string {
  const configured = config.getOptionalString('lambdaPavedRoad.localRepositories.directory');
  // Same default as the scaffolder module's lambda:git:publish-local.
  const base = configured
    ? path.resolve(repoRoot, 'packages/backend', configured)
    : path.join(os.tmpdir(), 'lambda-paved-road', 'repositories');
  const owners = fs.existsSync(base) ? fs.readdirSync(base) : [];
  const found = owners.map(o => path.join(base, o, app)).filter(d => fs.existsSync(path.join(d, '.git')));
  if (found.length === 1) return found[0];
  if (found.length === 0) usage(`no local repository for ${app} under ${base}: create the app first, or pass --repo`);
  return usage(`several repositories for ${app}: ${found.join(', ')}; pass --repo`);
}

async function main() {
  const args = process.argv.slice(2);
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith('--')) flags[args[i].slice(2)] = args[++i] ?? usage(`${args[i]} needs a value`);
    else positional.push(args[i]);
  }
  const [app, envName] = positional;
  if (!app || !envName) usage();
  const config = readAppConfig();
  const environments = readEnvironments(config);
  const environment = environments.find(e => e.name === envName);
  if (!environment) usage(`unknown environment "${envName}"; configured: ${environments.map(e => e.name).join(', ')}`);
  const endpoint = flags.endpoint ?? readStackState(repoRoot)?.awsEndpoint;
  if (!endpoint) usage('the local stack is not running: start it with `yarn dev` (or pass --endpoint)');
  const result = await releaseCommit({
    endpoint,
    app,
    environment,
    repoDir: flags.repo ? path.resolve(flags.repo) : findRepository(app, config),
    commit: flags.commit,
  });
  process.exit(result.status === 'Succeeded' ? 0 : 1);
}

main().catch(e => {
  process.stderr.write(`release: ${(e as Error).message}\n`);
  process.exit(1);
});
