/** Runs the real Terraform CLI for the tests and the benchmark. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Root of the terraform/ folder (this file is terraform/src/__testUtils__/). */
// This package is never built: the tests and scripts run from source.
// eslint-disable-next-line no-restricted-syntax
export const TERRAFORM_DIR = path.resolve(__dirname, '..', '..');
export const MODULES_DIR = path.join(TERRAFORM_DIR, 'modules');

export interface TfResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `terraform <args>` in `cwd`, with `env` added to the process environment.
 * Never throws on a non-zero exit: the caller asserts on `code`.
 */
export function terraform(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  options: { logFile?: string } = {},
): Promise<TfResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('terraform', args, {
      cwd,
      env: { ...process.env, TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const log = options.logFile ? fs.createWriteStream(options.logFile, { flags: 'a' }) : undefined;
    log?.write(`\n$ terraform ${args.join(' ')}\n`);
    child.stdout.on('data', d => {
      stdout += d;
      log?.write(d);
    });
    child.stderr.on('data', d => {
      stderr += d;
      log?.write(d);
    });
    child.on('error', reject);
    child.on('close', code => {
      log?.end();
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

/** Throws with Terraform's output unless it exited 0. */
export async function terraformOk(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  options: { logFile?: string } = {},
): Promise<TfResult> {
  const r = await terraform(args, cwd, env, options);
  if (r.code !== 0) {
    throw new Error(`terraform ${args.join(' ')} exited ${r.code}\n${r.stderr}\n${r.stdout.slice(-4000)}`);
  }
  return r;
}

/** The variables of the app-environment composition, as a root module passes them. */
export type CompositionInputs = Record<string, unknown>;

/** The outputs of the app-environment composition. */
export const COMPOSITION_OUTPUTS = [
  'function_name',
  'function_arn',
  'alias_arn',
  'ecr_repository_url',
  'pipeline_name',
  'codebuild_project_name',
  'url',
  'hostname',
  'alb_dns_name',
  'deployer_role_arn',
  'codebuild_role_arn',
  'artifact_bucket_name',
  'certificate_validation_records',
];

/**
 * Writes a root module like the one the scaffolder renders: one `module`
 * block calling the composition by `source`, its outputs passed through.
 * The inputs go into `terraform.tfvars.json` behind pass-through variables,
 * so a test can override one with `-var`.
 * `source` defaults to the composition by a relative path (an absolute local
 * path needs Terraform's `//` package separator; see the README).
 */
export function writeRoot(dir: string, inputs: CompositionInputs, source?: string) {
  fs.mkdirSync(dir, { recursive: true });
  const src = source ?? `./${path.relative(dir, path.join(MODULES_DIR, 'app-environment'))}`;
  const names = Object.keys(inputs);
  const main = [
    'module "app" {',
    `  source = ${JSON.stringify(src)}`,
    ...names.map(k => `  ${k} = var.${k}`),
    '}',
    '',
    ...COMPOSITION_OUTPUTS.map(o => `output "${o}" {\n  value = module.app.${o}\n}\n`),
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'main.tf'), main);
  fs.writeFileSync(
    path.join(dir, 'variables.tf'),
    names.map(k => `variable "${k}" {\n  type = any\n}\n`).join('\n'),
  );
  fs.writeFileSync(path.join(dir, 'terraform.tfvars.json'), JSON.stringify(inputs, null, 2));
}

