/*
 * The local stack's stand-in for an environment's CodePipeline run: takes a
 * commit of a generated repository and runs that repository's own
 * buildspec.yml against the emulator, with the CodeBuild project's real
 * environment variables and the real AWS CLI. Only `docker` is replaced (see
 * dockerShim.ts), since no Docker engine runs here. The run is recorded as a
 * pipeline execution and a CodeBuild build, so the Deployments tab shows it
 * as it would show a real one.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { BatchGetProjectsCommand, CodeBuildClient, StartBuildCommand } from '@aws-sdk/client-codebuild';
import { CodePipelineClient, GetPipelineCommand } from '@aws-sdk/client-codepipeline';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import {
  PavedRoadEnvironment,
  resourceNames,
} from '@lambda-paved-road/plugin-lambda-paved-road-common';
import { buildspecScript, parseBuildspec } from './buildspec';

export interface ReleaseOptions {
  /** The emulator gateway (its control routes record the run). */
  endpoint: string;
  app: string;
  environment: PavedRoadEnvironment;
  /** The generated repository (a local git repository). */
  repoDir: string;
  /** A commit or ref; default the tip of the environment's branch. */
  commit?: string;
  /** Where the build's output goes, line by line. */
  log?: (line: string) => void;
}

export interface ReleaseResult {
  commit: string;
  message: string;
  status: 'Succeeded' | 'Failed';
  failedPhase?: string;
  pipelineExecutionId: string;
  buildId: string;
  durationSeconds: number;
}

function git(repoDir: string, args: string[]): string {
  const r = spawnSync('git', ['-C', repoDir, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${repoDir}: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

async function control(endpoint: string, route: string, body: unknown) {
  const res = await fetch(`${endpoint}/_gateway/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const out = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`gateway ${route}: ${res.status} ${out.error ?? ''}`);
  return out;
}

/** A `docker` on PATH that runs the shim through the TypeScript transform. */
function dockerShimDir(dir: string): string {
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  const transform = require.resolve('@backstage/cli-node/config/nodeTransform.cjs');
  const shim = require.resolve('./dockerShim.ts');
  fs.writeFileSync(
    path.join(bin, 'docker'),
    `#!/bin/sh\nexec "${process.execPath}" -r "${transform}" "${shim}" "$@"\n`,
    { mode: 0o755 },
  );
  return bin;
}

/** Runs one release of `commit` into `environment`; see the file comment. */
export async function releaseCommit(options: ReleaseOptions): Promise<ReleaseResult> {
  const { endpoint, app, environment: env, repoDir } = options;
  const log = options.log ?? (line => process.stdout.write(`${line}\n`));
  const started = Date.now();
  const names = resourceNames(app, env);
  const commit = git(repoDir, ['rev-parse', '--verify', `${options.commit ?? env.branch}^{commit}`]);
  const message = git(repoDir, ['log', '-1', '--format=%s', commit]);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), `lpr-release-${app}-${env.name}-`));
  try {
    const src = path.join(work, 'src');
    fs.mkdirSync(src);
    const archive = spawnSync('sh', ['-c', `git -C '${repoDir}' archive ${commit} | tar -x -C '${src}'`]);
    if (archive.status !== 0) throw new Error(`could not check out ${commit}: ${archive.stderr}`);
    const spec = parseBuildspec(fs.readFileSync(path.join(src, 'buildspec.yml'), 'utf8'));

    // CodeBuild runs as its service role in the deployments account.
    const sts = new STSClient({
      endpoint,
      region: env.region,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    const assumed = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${env.deploymentsAccountId}:role/${names.codeBuildRoleName}`,
        RoleSessionName: `release-${names.codeBuildProjectName}`.slice(0, 64),
      }),
    );
    const credentials = {
      accessKeyId: assumed.Credentials!.AccessKeyId!,
      secretAccessKey: assumed.Credentials!.SecretAccessKey!,
      sessionToken: assumed.Credentials!.SessionToken!,
    };
    const clientConfig = { endpoint, region: env.region, credentials };
    const codebuild = new CodeBuildClient(clientConfig);
    const project = (
      await codebuild.send(new BatchGetProjectsCommand({ names: [names.codeBuildProjectName] }))
    ).projects?.[0];
    if (!project) {
      throw new Error(
        `no CodeBuild project ${names.codeBuildProjectName} in account ${env.deploymentsAccountId}: provision ${app} in ${env.name} first`,
      );
    }
    const pipeline = await new CodePipelineClient(clientConfig).send(
      new GetPipelineCommand({ name: names.pipelineName }),
    );
    const stages = (pipeline.pipeline?.stages ?? []).map(s => s.name!);

    const build = await codebuild.send(
      new StartBuildCommand({ projectName: names.codeBuildProjectName, sourceVersion: commit }),
    );
    const buildId = build.build!.id!;
    const execution = await control(endpoint, 'codepipeline/executions', {
      accountId: env.deploymentsAccountId,
      region: env.region,
      pipelineName: names.pipelineName,
      status: 'InProgress',
      sourceRevision: { commitId: commit, message },
      trigger: { type: 'WebhookV2', detail: `push to ${env.branch}` },
      // As in AWS, the running build action names its build.
      stages: stages.map((name, i) => ({
        name,
        status: i === 0 ? 'Succeeded' : 'InProgress',
        ...(i > 0 ? { externalExecutionId: buildId } : {}),
      })),
    });
    log(`[release] ${app} ${commit.slice(0, 7)} → ${env.name}: pipeline ${names.pipelineName}, build ${buildId}`);

    const files = (i: number) => path.join(work, `command-${i}.sh`);
    const { script, commands } = buildspecScript(spec, files);
    commands.forEach((c, i) => fs.writeFileSync(files(i), c));
    const projectVars = Object.fromEntries(
      (project.environment?.environmentVariables ?? []).map(v => [v.name!, v.value ?? '']),
    );
    const childEnv: Record<string, string> = {
      PATH: `${dockerShimDir(work)}:${process.env.PATH}`,
      HOME: process.env.HOME ?? work,
      AWS_ENDPOINT_URL: endpoint,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_SESSION_TOKEN: credentials.sessionToken,
      AWS_REGION: env.region,
      AWS_DEFAULT_REGION: env.region,
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_PAGER: '',
      CODEBUILD_BUILD_ID: buildId,
      // What the pipeline's build action passes (#{SourceVariables.CommitId}).
      COMMIT_ID: commit,
      CODEBUILD_RESOLVED_SOURCE_VERSION: commit,
      CODEBUILD_SOURCE_VERSION: commit,
      CODEBUILD_SRC_DIR: src,
      LPR_DOCKER_STATE_DIR: work,
      ...spec.variables,
      ...projectVars,
    };

    const phaseStarted: Record<string, number> = {};
    const phaseDurations: Record<string, number> = {};
    let phase = 'SUBMITTED';
    const child = spawn(spec.shell, ['-c', script], { cwd: src, env: childEnv });
    const lines = (stream: NodeJS.ReadableStream) =>
      new Promise<void>(resolve => {
        const rl = readline.createInterface({ input: stream });
        rl.on('line', line => {
          const marker = /^::phase::(\w+)$/.exec(line);
          if (!marker) {
            log(line);
            return;
          }
          if (phaseStarted[phase]) phaseDurations[phase] = Math.round((Date.now() - phaseStarted[phase]) / 1000);
          phase = marker[1];
          phaseStarted[phase] = Date.now();
          if (phase !== 'COMPLETED') log(`[release] phase ${phase}`);
        });
        rl.on('close', resolve);
      });
    const exitCode = await new Promise<number>(resolve => {
      Promise.all([lines(child.stdout), lines(child.stderr)]).then(() => undefined);
      child.on('close', code => resolve(code ?? 1));
    });
    const succeeded = exitCode === 0 && phase === 'COMPLETED';
    if (!succeeded && phaseStarted[phase]) {
      phaseDurations[phase] = Math.round((Date.now() - phaseStarted[phase]) / 1000);
    }
    await control(endpoint, `codebuild/builds/${encodeURIComponent(buildId)}`, {
      status: succeeded ? 'SUCCEEDED' : 'FAILED',
      startTime: new Date(started).toISOString(),
      ...(succeeded ? {} : { failedPhase: phase }),
      phaseDurations,
    });
    await control(endpoint, `codepipeline/executions/${execution.pipelineExecutionId}`, {
      status: succeeded ? 'Succeeded' : 'Failed',
      endTime: new Date().toISOString(),
      stages: stages.map((name, i) => ({
        name,
        status: i === 0 || succeeded ? 'Succeeded' : 'Failed',
        ...(i > 0 ? { externalExecutionId: buildId } : {}),
        ...(i > 0 && !succeeded ? { summary: `Build failed in phase ${phase}` } : {}),
      })),
    });
    const result: ReleaseResult = {
      commit,
      message,
      status: succeeded ? 'Succeeded' : 'Failed',
      failedPhase: succeeded ? undefined : phase,
      pipelineExecutionId: execution.pipelineExecutionId,
      buildId,
      durationSeconds: (Date.now() - started) / 1000,
    };
    log(
      succeeded
        ? `[release] ${commit.slice(0, 7)} is live in ${env.name} (${result.durationSeconds.toFixed(1)} s)`
        : `[release] the build failed in phase ${phase}; nothing after it ran`,
    );
    return result;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
