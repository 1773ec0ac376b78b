import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalAws, startLocalAws, terraformCliEnv } from '@lambda-paved-road/local-aws';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createTerraformProvisionAction } from './terraformProvision';
import { config, recordingLogger, runAction } from '../__testUtils__/context';
import { pavedRoadConfig } from '../__testUtils__/fixtures';
import { readProvisioningConfig } from '../config';

jest.setTimeout(120_000);

const input = {
  app: 'hello-api',
  environments: ['dev', 'prod'],
  exposure: 'internal',
  architecture: 'arm64',
  memorySize: 1024,
  timeout: 60,
  reservedConcurrency: 5,
  repository: 'team-a/hello-api',
};

describe('lambda:terraform:provision', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'lpr-provision-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('dry run: renders one root module per environment into the workspace and runs nothing', async () => {
    const workspacePath = path.join(root, 'workspace');
    const action = createTerraformProvisionAction({
      config: config({
        ...pavedRoadConfig(root, {
          provisioning: {
            terraform: { moduleSource: '/does/not/matter', binary: '/nonexistent/terraform', workingDirectory: path.join(root, 'tf') },
            environments: { prod: { variables: { tags: { cost: '${not-interpolated}' } } } },
          },
        }),
      }),
    });
    const { output } = await runAction(action, input, { workspacePath, isDryRun: true });
    expect(output.mode).toBe('dry-run');
    expect(output.rootModules).toEqual({ dev: 'terraform/dev', prod: 'terraform/prod' });
    const prod = fs.readFileSync(path.join(workspacePath, 'terraform/prod/main.tf'), 'utf8');
    expect(prod).toMatch(/app_name\s+= "hello-api"/);
    expect(prod).toMatch(/environment\s+= "prod"/);
    expect(prod).toMatch(/production\s+= true/);
    expect(prod).toMatch(/branch\s+= "main"/);
    expect(prod).toMatch(/memory_size\s+= 1024/);
    expect(prod).toMatch(/reserved_concurrency\s+= 5/);
    expect(prod).toMatch(/connection_arn\s+= "arn:aws:codeconnections:us-east-1:100000000004:connection\//);
    expect(prod).toMatch(/image_uri\s+= "200000000004.dkr.ecr.us-east-1.amazonaws.com\/hello-api-prod:placeholder"/);
    // Configuration values are literals, never Terraform templates.
    expect(prod).toContain('cost = "$${not-interpolated}"');
    expect(prod).toContain(`path = "${path.join(root, 'tf', 'state', 'hello-api', 'prod', 'terraform.tfstate')}"`);
    expect(fs.existsSync(path.join(root, 'tf'))).toBe(false);
    expect((output.environments as any).dev).toMatchObject({
      functionName: 'hello-api-dev',
      functionArn: 'arn:aws:lambda:us-east-1:200000000001:function:hello-api-dev',
      aliasArn: 'arn:aws:lambda:us-east-1:200000000001:function:hello-api-dev:live',
      url: null,
    });
  });

  it('renders an S3 backend block with a key per app and environment', async () => {
    const action = createTerraformProvisionAction({
      config: config(
        pavedRoadConfig(root, {
          provisioning: {
            terraform: {
              moduleSource: 'git::https://github.com/acme/lambda-paved-road.git//terraform/modules/app-environment?ref=v1.0.0',
              state: { backend: 's3', s3: { bucket: 'acme-tfstate', region: 'eu-west-1' } },
            },
          },
        }),
      ),
    });
    const workspacePath = path.join(root, 'ws');
    await runAction(action, { ...input, environments: ['dev'] }, { workspacePath, isDryRun: true });
    const main = fs.readFileSync(path.join(workspacePath, 'terraform/dev/main.tf'), 'utf8');
    expect(main).toContain('backend "s3"');
    expect(main).toMatch(/key\s+= "lambda-paved-road\/hello-api\/dev\/terraform.tfstate"/);
    expect(main).toContain('source = "git::https://github.com/acme/lambda-paved-road.git//terraform/modules/app-environment?ref=v1.0.0"');
  });

  it('fails with Terraform’s own error, and a retry skips the environments already applied', async () => {
    const action = createTerraformProvisionAction({
      config: config(
        pavedRoadConfig(root, {
          terraformEnv: terraformCliEnv(path.join(root, 'tfcli')),
          // A value of the wrong type: Terraform refuses it at plan, before any AWS call.
          provisioning: { environments: { prod: { variables: { log_retention_days: 'forever' } } } },
        }),
      ),
    });
    // dev was applied by an earlier attempt of this task.
    const checkpoints = new Map<string, any>([
      ['lambda-paved-road.terraform-apply.hello-api.dev.v1', { functionArn: 'arn:from-the-first-attempt' }],
    ]);
    const run = runAction(action, input, { checkpoints });
    await expect(run).rejects.toThrow(/terraform plan failed .*prod[\s\S]*log_retention_days[\s\S]*a number is required/);
    expect(fs.existsSync(path.join(root, 'terraform', 'hello-api', 'dev'))).toBe(false);
    expect(checkpoints.has('lambda-paved-road.terraform-apply.hello-api.prod.v1')).toBe(false);
  });

  it('runs every environment to the end when several fail, one at a time with parallelism 1, and names each failure', async () => {
    const data: any = pavedRoadConfig(root, {
      terraformEnv: terraformCliEnv(path.join(root, 'tfcli')),
      // Refused at plan, before any AWS call.
      provisioning: {
        environments: {
          dev: { variables: { log_retention_days: 'forever' } },
          prod: { variables: { log_retention_days: 'never' } },
        },
      },
    });
    data.lambdaPavedRoad.provisioning.terraform.parallelism = 1;
    const action = createTerraformProvisionAction({ config: config(data) });
    const logger = recordingLogger();
    const checkpoints = new Map();
    const error: Error = await runAction(action, input, { logger, checkpoints }).then(
      () => {
        throw new Error('expected the action to fail');
      },
      e => e,
    );
    expect(error.message).toMatch(/^Provisioning failed in dev, prod \(2 of 2 environments\)\. No environment was applied\. Retrying the task \(once the cause is fixed\) resumes dev, prod only\./);
    expect(error.message).toMatch(/\ndev: terraform plan failed in \S+\/hello-api\/dev [\s\S]*log_retention_days[\s\S]*\nprod: terraform plan failed in \S+\/hello-api\/prod [\s\S]*log_retention_days/);
    expect(checkpoints.size).toBe(0);
    // Nothing half-made is removed: each root module stays for the retry.
    expect(fs.existsSync(path.join(root, 'terraform', 'hello-api', 'dev', 'main.tf'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'terraform', 'hello-api', 'prod', 'main.tf'))).toBe(true);
    // One at a time: prod starts after dev's last line.
    expect(logger.lines[0]).toBe('info: Applying dev, prod, one at a time');
    const window = (env: string) => {
      const at = logger.times.filter((_, i) => logger.lines[i].includes(`[${env}] `));
      return [Math.min(...at), Math.max(...at)];
    };
    expect(window('prod')[0]).toBeGreaterThanOrEqual(window('dev')[1]);
  });

  it('refuses to apply over another task’s root module', async () => {
    const dir = path.join(root, 'terraform', 'hello-api', 'dev');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, '.lambda-paved-road-task'), 'someone-else');
    const action = createTerraformProvisionAction({ config: config(pavedRoadConfig(root)) });
    await expect(runAction(action, { ...input, environments: ['dev'] })).rejects.toThrow(
      'App "hello-api" is already provisioned in dev',
    );
  });

  it('rejects configuration that would override a setting of the app', async () => {
    const action = createTerraformProvisionAction({
      config: config(pavedRoadConfig(root, { provisioning: { variables: { memory_size: 128 } } })),
    });
    await expect(runAction(action, input, { isDryRun: true, workspacePath: root })).rejects.toThrow(
      'may not set "memory_size"',
    );
  });

  it('reads terraform.parallelism: default 4, a whole number of at least 1, else an error naming the key', () => {
    const read = (parallelism?: unknown) =>
      readProvisioningConfig(
        config(
          pavedRoadConfig(root, {
            provisioning: parallelism === undefined ? {} : { terraform: { moduleSource: '/m', parallelism } as any },
          }),
        ),
      ).terraform.parallelism;
    expect(read()).toBe(4);
    expect(read(1)).toBe(1);
    expect(read(8)).toBe(8);
    expect(read('2')).toBe(2); // what ${ENV_VAR} substitution gives
    for (const bad of [0, -1, 1.5, 'two', '', true]) {
      expect(() => read(bad)).toThrow(
        `lambdaPavedRoad.provisioning.terraform.parallelism must be a whole number of at least 1 (how many environments are applied at once; 1 applies them one at a time), got ${JSON.stringify(bad)}`,
      );
    }
  });

  it('fails the task with the configuration error before running Terraform', async () => {
    const action = createTerraformProvisionAction({
      config: config(
        pavedRoadConfig(root, { provisioning: { terraform: { moduleSource: '/m', binary: '/nonexistent/terraform', parallelism: 0 } } }),
      ),
    });
    await expect(runAction(action, input)).rejects.toThrow(
      'lambdaPavedRoad.provisioning.terraform.parallelism must be a whole number of at least 1',
    );
    expect(fs.existsSync(path.join(root, 'terraform'))).toBe(false);
  });

  describe('against the emulator', () => {
    let aws: LocalAws;
    beforeAll(async () => {
      aws = await startLocalAws();
    });
    afterAll(async () => {
      await aws?.stop();
    });
    afterEach(async () => {
      await aws.reset();
    });

    const emulatorConfig = () =>
      config(
        pavedRoadConfig(root, {
          terraformEnv: { ...aws.env, ...terraformCliEnv(path.join(root, 'tfcli')) },
        }),
      );
    const state = (env: string) =>
      JSON.parse(
        fs.readFileSync(path.join(root, 'terraform', 'state', 'hello-api', env, 'terraform.tfstate'), 'utf8'),
      ).resources.map((r: any) => r.type) as string[];

    it('applies the environments concurrently, every line prefixed with its environment and redacted', async () => {
      const action = createTerraformProvisionAction({ config: emulatorConfig() });
      const { output, log, times, checkpoints } = await runAction(
        action,
        { ...input, environments: ['dev', 'test'] },
        // A task secret that Terraform prints (test's workloads account, in
        // its image URI and ARNs): redacted in every line.
        { secrets: { marker: '200000000002' } },
      );
      expect(output.environments).toMatchObject({
        dev: { functionArn: 'arn:aws:lambda:us-east-1:200000000001:function:hello-api-dev' },
        test: { functionArn: 'arn:aws:lambda:us-east-1:200000000002:function:hello-api-test' },
      });
      expect([...checkpoints.keys()].sort()).toEqual([
        'lambda-paved-road.terraform-apply.hello-api.dev.v1',
        'lambda-paved-road.terraform-apply.hello-api.test.v1',
      ]);
      for (const env of ['dev', 'test']) {
        expect(state(env)).toEqual(expect.arrayContaining(['aws_lambda_function', 'aws_codepipeline']));
      }

      // Every line but the first is one environment's, and says which.
      expect(log[0]).toBe('info: Applying dev, test, up to 4 at a time');
      expect(log.slice(1).filter(l => !/^(info|error): \[(dev|test)\] /.test(l))).toEqual([]);
      expect(log).toContainEqual(expect.stringMatching(/^info: \[test\] module\.app\.module\.workload\.aws_lambda_function\.this: Creating\.\.\./));
      expect(log).toContainEqual(expect.stringMatching(/^info: \[dev\] Apply complete! Resources: \d+ added/));
      expect(log).toContainEqual(expect.stringMatching(/^info: \[test\] .*\*\*\*\.dkr\.ecr\.us-east-1\.amazonaws\.com\/hello-api-test:placeholder/));
      expect(log.join('\n')).not.toContain('200000000002');

      // The two applies' time windows (first resource created → apply
      // complete) overlap.
      const window = (env: string) => {
        const at = (re: RegExp) => times[log.findIndex(l => re.test(l))];
        return {
          start: at(new RegExp(`^info: \\[${env}\\] \\S+: Creating\\.\\.\\.`)),
          end: at(new RegExp(`^info: \\[${env}\\] Apply complete!`)),
        };
      };
      const dev = window('dev');
      const test = window('test');
      for (const w of [dev, test]) {
        expect(w.start).toBeLessThan(w.end);
      }
      const overlap = Math.min(dev.end, test.end) - Math.max(dev.start, test.start);
      expect(overlap).toBeGreaterThan(0);
    }, 400_000);

    it('a failing environment leaves the others applied; the error names it; a retry applies only it, from its kept state', async () => {
      // prod's workloads account refuses to create the function.
      aws.setFaults([
        { service: 'lambda', operation: 'CreateFunction', accountId: '200000000004', kind: 'access-denied' },
      ]);
      const action = createTerraformProvisionAction({ config: emulatorConfig() });
      const checkpoints = new Map();
      const logger = recordingLogger();
      const error: Error = await runAction(action, input, { checkpoints, logger }).then(
        () => {
          throw new Error('expected the action to fail');
        },
        e => e,
      );
      expect(error.message).toMatch(
        /^Provisioning failed in prod \(1 of 2 environments\)\. Applied and checkpointed: dev\. Retrying the task \(once the cause is fixed\) resumes prod only; dev is not applied again\./,
      );
      expect(error.message).toMatch(/\nprod: terraform apply failed in \S+\/hello-api\/prod [\s\S]*creating Lambda Function \(hello-api-prod\)[\s\S]*not authorized to perform: lambda:CreateFunction in account 200000000004/);
      expect(error.message).not.toMatch(/\ndev: /);

      // dev ran to the end and was checkpointed; prod kept its root module
      // and its state (what it created before the refusal).
      expect([...checkpoints.keys()]).toEqual(['lambda-paved-road.terraform-apply.hello-api.dev.v1']);
      expect(state('dev')).toEqual(expect.arrayContaining(['aws_lambda_function', 'aws_codepipeline']));
      expect(state('prod')).toEqual(expect.arrayContaining(['aws_ecr_repository']));
      expect(state('prod')).not.toContain('aws_lambda_function');
      expect(logger.lines).toContainEqual(expect.stringMatching(/^info: \[dev\] Apply complete!/));

      // The retry (the fault gone) applies prod only, from its state.
      aws.setFaults([]);
      const retry = await runAction(action, input, { checkpoints });
      expect(retry.log.filter(l => l.includes('[dev] '))).toEqual([]);
      expect(retry.log).toContainEqual(expect.stringMatching(/^info: \[prod\] Apply complete! Resources: \d+ added/));
      expect(state('prod')).toContain('aws_lambda_function');
      expect(retry.output.environments).toMatchObject({
        dev: { functionArn: expect.stringContaining(':200000000001:function:hello-api-dev') },
        prod: { functionArn: 'arn:aws:lambda:us-east-1:200000000004:function:hello-api-prod' },
      });
    }, 400_000);
  });

  describe('pull-request mode', () => {
    const server = setupServer();
    beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
    afterEach(() => server.resetHandlers());
    afterAll(() => server.close());

    it('opens one pull request with every root module, and a retry reuses it', async () => {
      const api = 'https://api.github.com/repos/acme/infrastructure';
      const trees: any[] = [];
      const pulls: any[] = [];
      const auth: string[] = [];
      let branch: string | undefined;
      server.use(
        http.all(`${api}/*`, ({ request }) => {
          auth.push(request.headers.get('authorization') ?? '');
          return undefined as any;
        }),
        http.get(`${api}/git/ref/heads/main`, () => HttpResponse.json({ object: { sha: 'base-sha' } })),
        http.get(`${api}/git/ref/heads/lambda-paved-road%2Fhello-api`, () =>
          branch ? HttpResponse.json({ object: { sha: branch } }) : HttpResponse.json({ message: 'Not Found' }, { status: 404 }),
        ),
        http.get(`${api}/git/commits/base-sha`, () => HttpResponse.json({ tree: { sha: 'base-tree' } })),
        http.post(`${api}/git/trees`, async ({ request }) => {
          trees.push(await request.json());
          return HttpResponse.json({ sha: 'new-tree' });
        }),
        http.post(`${api}/git/commits`, () => HttpResponse.json({ sha: 'new-commit' })),
        http.post(`${api}/git/refs`, () => {
          branch = 'new-commit';
          return HttpResponse.json({}, { status: 201 });
        }),
        http.patch(`${api}/git/refs/heads/lambda-paved-road/hello-api`, () => HttpResponse.json({})),
        http.get(`${api}/pulls`, () => HttpResponse.json(pulls)),
        http.post(`${api}/pulls`, async ({ request }) => {
          const body: any = await request.json();
          const pr = { ...body, number: 7, html_url: 'https://github.com/acme/infrastructure/pull/7' };
          pulls.push(pr);
          return HttpResponse.json(pr, { status: 201 });
        }),
      );
      const action = createTerraformProvisionAction({
        config: config({
          ...pavedRoadConfig(root, {
            provisioning: {
              mode: 'pull-request',
              pullRequest: { repoUrl: 'github.com?owner=acme&repo=infrastructure', baseBranch: 'main' },
              terraform: { moduleSource: 'app.terraform.io/acme/app-environment/aws', moduleVersion: '~> 1.0' },
            },
          }),
          integrations: { github: [{ host: 'github.com', token: 'ghp_integration_token_123' }] },
        }),
      });
      const first = await runAction(action, input);
      expect(first.output.pullRequestUrl).toBe('https://github.com/acme/infrastructure/pull/7');
      expect(pulls).toHaveLength(1);
      expect(pulls[0]).toMatchObject({ head: 'lambda-paved-road/hello-api', base: 'main' });
      const files = trees[0].tree.map((t: any) => t.path);
      expect(files).toEqual([
        'apps/hello-api/dev/main.tf',
        'apps/hello-api/dev/outputs.tf',
        'apps/hello-api/prod/main.tf',
        'apps/hello-api/prod/outputs.tf',
      ]);
      expect(trees[0].tree[2].content).toMatch(/version\s+= "~> 1.0"/);
      expect(auth.every(a => a === 'Bearer ghp_integration_token_123')).toBe(true);

      // A retried task returns the checkpointed pull request without calling GitHub.
      const calls = auth.length;
      const retry = await runAction(action, input, { checkpoints: first.checkpoints });
      expect(retry.output.pullRequestUrl).toBe(first.output.pullRequestUrl);
      expect(auth).toHaveLength(calls);

      // A new run finds the branch and the open pull request: no duplicate.
      const again = await runAction(action, input);
      expect(again.output.pullRequestUrl).toBe(first.output.pullRequestUrl);
      expect(pulls).toHaveLength(1);

      const everything = JSON.stringify([first, retry, again]);
      expect(everything).not.toContain('ghp_integration_token_123');
    });
  });
});
