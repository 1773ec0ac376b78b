/**
 * Every input a user can get wrong is refused at plan time with a message
 * that names the rule. Runs `terraform plan` on a scaffolder-like root with
 * one bad value at a time, in parallel, against the emulator.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { terraformCliEnv } from '@lambda-paved-road/local-aws';
import type { LocalAws } from '@lambda-paved-road/local-aws';
import { DEPLOYMENTS, REGION, WORKLOADS } from './__testUtils__/accounts';
import { startEmulator } from './__testUtils__/emulator';
import { terraform, terraformOk, writeRoot } from './__testUtils__/terraform';

const GOOD = {
  app_name: 'hello-api',
  environment: 'dev',
  region: REGION,
  deployments_account_id: DEPLOYMENTS,
  workloads_account_id: WORKLOADS,
  branch: 'dev',
  repository: 'acme/hello-api',
  connection_arn: `arn:aws:codeconnections:${REGION}:${DEPLOYMENTS}:connection/4a1b2c3d-0000-4000-8000-000000000001`,
  domain: 'example.com',
  exposure: 'external',
  image_uri: `${WORKLOADS}.dkr.ecr.${REGION}.amazonaws.com/paved-road/placeholder:latest`,
  memory_size: 512,
  timeout: 30,
  architecture: 'arm64',
  reserved_concurrency: null,
  environment_variables: {},
  vpc_id: 'vpc-0123456789abcdef0',
  subnet_ids: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'],
};

// [variable, bad value, words the message must contain]
const CASES: Array<[string, unknown, string]> = [
  ['app_name', 'Hello-Api', 'app-name-charset'],
  ['app_name', '1hello', 'must start with a letter'],
  ['app_name', 'hello_api', 'only lowercase letters, digits and hyphens'],
  ['app_name', 'hello-', 'must not end with a hyphen'],
  ['app_name', 'hello--api', 'app-name-consecutive-hyphens'],
  ['app_name', 'aws-hello', 'app-name-reserved'],
  ['app_name', 'a-very-long-application-name-x', 'target-group-name-length'],
  ['environment', 'Dev', 'environment-name-charset'],
  ['environment', 'development', 'environment-name-length'],
  ['memory_size', 64, 'between 128 and 10240'],
  ['memory_size', 10241, 'between 128 and 10240'],
  ['timeout', 0, 'between 1 and 900'],
  ['timeout', 901, 'between 1 and 900'],
  ['architecture', 'arm', 'arm64 or x86_64'],
  ['deployments_account_id', '1234', 'deployments_account_id must be a 12-digit AWS account id'],
  ['workloads_account_id', 'abcdefghijkl', 'workloads_account_id must be a 12-digit AWS account id'],
  ['exposure', 'public', 'exposure must be internal or external'],
  ['region', 'mars', 'region must be an AWS region'],
  ['reserved_concurrency', -1, 'null (unreserved) or a whole number >= 0'],
  ['image_uri', 'docker.io/library/nginx:latest', 'must be an ECR image URI'],
  ['repository', 'hello-api', 'repository must be owner/name'],
  ['connection_arn', 'arn:aws:iam::111111111111:role/x', 'CodeConnections connection ARN'],
  ['subnet_ids', ['subnet-0123456789abcdef0'], 'at least two subnets'],
  ['domain', 'Example.COM', 'domain-format'],
  ['environment_variables', { AWS_REGION: 'x' }, 'not start with AWS_'],
];

/**
 * Terraform reports every failed validation of a plan at once, so the cases
 * go in rounds of at most one bad value per variable. A validation that reads
 * another variable (app_name reads environment; domain and subnet_ids read
 * exposure) is skipped while that one is invalid, so those two get rounds of
 * their own: 9 plans, not 25.
 */
const REFERENCED = ['environment', 'exposure'];

function rounds(cases: typeof CASES): Array<typeof CASES> {
  const out: Array<typeof CASES> = [];
  const seen = new Map<string, number>();
  for (const c of cases) {
    const r = seen.get(c[0]) ?? 0;
    seen.set(c[0], r + 1);
    (out[r] = out[r] ?? []).push(c);
  }
  return out;
}

describe('input validation', () => {
  let aws: LocalAws;
  let env: Record<string, string>;
  let dir: string;
  const results = new Map<string, { code: number; messages: string }>();

  beforeAll(async () => {
    aws = await startEmulator();
    env = { ...aws.env, ...terraformCliEnv() };
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lpr-inputs-'));
    writeRoot(dir, GOOD);
    await terraformOk(['init', '-input=false', '-no-color'], dir, env);
    await Promise.all(
      [
        ...rounds(CASES.filter(c => REFERENCED.includes(c[0]))),
        ...rounds(CASES.filter(c => !REFERENCED.includes(c[0]))),
      ].map(async (round, i) => {
        const file = path.join(dir, `round-${i}.tfvars.json`);
        fs.writeFileSync(file, JSON.stringify(Object.fromEntries(round.map(([k, v]) => [k, v]))));
        const r = await terraform(['plan', '-input=false', '-lock=false', '-refresh=false', '-json', `-var-file=${file}`], dir, env);
        const messages = r.stdout
          .split('\n')
          .filter(Boolean)
          .map(l => JSON.parse(l))
          .filter(e => e.type === 'diagnostic' && e.diagnostic?.severity === 'error')
          .map(e => `${e.diagnostic.summary}: ${e.diagnostic.detail}`)
          .join('\n')
          .replace(/\s+/g, ' ');
        for (const [name, value] of round) results.set(`${name}=${JSON.stringify(value)}`, { code: r.code, messages });
      }),
    );
  }, 240_000);

  afterAll(async () => {
    await aws?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('accepts the good inputs', async () => {
    const r = await terraform(['plan', '-input=false', '-lock=false', '-refresh=false', '-no-color'], dir, env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Plan: \d+ to add, 0 to change, 0 to destroy/);
  }, 60_000);

  it.each(CASES)('refuses %s = %j: "%s"', (name, value, words) => {
    const r = results.get(`${name}=${JSON.stringify(value)}`)!;
    expect(r.code).toBe(1);
    expect(r.messages).toContain(words);
  });
});
