import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { terraformCliEnv } from '@lambda-paved-road/local-aws';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createTerraformProvisionAction } from './terraformProvision';
import { config, runAction } from '../__testUtils__/context';
import { pavedRoadConfig } from '../__testUtils__/fixtures';

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
