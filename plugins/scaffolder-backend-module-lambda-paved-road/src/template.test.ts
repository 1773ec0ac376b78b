/**
 * The whole template through the real scaffolder backend, catalog and
 * Terraform against moto: a dry run, bad input, and one real run in local
 * mode for one environment.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import { catalogLocationsExtensionPoint } from '@backstage/plugin-catalog-node';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { LocalAws, startLocalAws, terraformCliEnv } from '@lambda-paved-road/local-aws';
import request from 'supertest';
import yaml from 'yaml';
import { scaffolderModuleLambdaPavedRoad } from './module';
import { directoryContents, pavedRoadConfig, TEMPLATE_DIR } from './__testUtils__/fixtures';

jest.setTimeout(600_000);

/** The local stack's catalog module (packages/backend) allows file locations the same way. */
const allowFileLocations = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'test-file-locations',
  register(env) {
    env.registerInit({
      deps: { locations: catalogLocationsExtensionPoint },
      async init({ locations }) {
        locations.setAllowedLocationTypes(['url', 'file']);
      },
    });
  },
});

const templateFile = path.join(TEMPLATE_DIR, 'template.yaml');
const template = yaml.parse(fs.readFileSync(templateFile, 'utf8'));
const auth = { Authorization: mockCredentials.user.header() };

const values = (overrides: Record<string, unknown> = {}) => ({
  name: 'hello-api',
  description: 'Says hello',
  owner: 'group:default/team-a',
  runtime: 'python3.12',
  exposure: 'internal',
  environments: ['dev'],
  memorySize: 512,
  timeout: 30,
  architecture: 'arm64',
  repoUrl: 'github.com?owner=team-a&repo=hello-api',
  ...overrides,
});

describe('the Containerized Lambda application template', () => {
  let aws: LocalAws;
  let root: string;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let stopBackend: () => Promise<void>;

  beforeAll(async () => {
    aws = await startLocalAws();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'lpr-template-'));
    const backend = await startTestBackend({
      features: [
        mockServices.rootConfig.factory({
          data: {
            ...pavedRoadConfig(root, {
              terraformEnv: { ...aws.env, ...terraformCliEnv(path.join(root, 'tfcli')) },
            }),
            catalog: {
              rules: [{ allow: ['Component', 'Template', 'Location', 'Group', 'User', 'System'] }],
              locations: [{ type: 'file', target: templateFile, rules: [{ allow: ['Template'] }] }],
            },
          },
        }),
        catalogPlugin,
        catalogScaffolderEntityModel,
        allowFileLocations,
        scaffolderPlugin,
        scaffolderModuleLambdaPavedRoad,
      ],
    });
    server = backend.server;
    stopBackend = () => backend.stop();
    await waitFor(async () => {
      const res = await request(server)
        .get('/api/catalog/entities/by-name/template/default/container-lambda')
        .set(auth);
      return res.status === 200;
    }, 'the template in the catalog');
  });

  afterAll(async () => {
    await stopBackend?.();
    await aws?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await check()) return;
      await new Promise(r => setTimeout(r, 250));
    }
    throw new Error(`Timed out waiting for ${what}`);
  }

  async function runTask(taskValues: Record<string, unknown>) {
    const created = await request(server)
      .post('/api/scaffolder/v2/tasks')
      .set(auth)
      .send({ templateRef: 'template:default/container-lambda', values: taskValues });
    if (created.status !== 201) return { created, task: undefined, log: '' };
    let task: any;
    await waitFor(async () => {
      task = (await request(server).get(`/api/scaffolder/v2/tasks/${created.body.id}`).set(auth)).body;
      return task.status === 'completed' || task.status === 'failed';
    }, `task ${created.body.id}`, 540_000);
    const events = (await request(server).get(`/api/scaffolder/v2/tasks/${created.body.id}/events`).set(auth)).body;
    const log = events.map((e: any) => e.body?.message ?? '').join('\n');
    return { created, task, log };
  }

  const localRepo = (owner: string, repo: string) => path.join(root, 'repositories', owner, repo);

  it('dry-runs: renders the repository and the root modules, creates nothing', async () => {
    const res = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set(auth)
      .send({
        template,
        values: values({ environments: ['dev', 'prod'], exposure: 'external', runtime: 'nodejs22.x' }),
        secrets: {},
        directoryContents: directoryContents(TEMPLATE_DIR),
      });
    expect(res.status).toBe(200);
    const files = Object.fromEntries(
      res.body.directoryContents.map((f: any) => [f.path, Buffer.from(f.base64Content, 'base64').toString()]),
    );
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'repo/Dockerfile',
        'repo/app.mjs',
        'repo/test/app.test.mjs',
        'repo/buildspec.yml',
        'repo/catalog-info.yaml',
        'repo/README.md',
        'terraform/dev/main.tf',
        'terraform/prod/main.tf',
      ]),
    );
    expect(files['repo/Dockerfile']).toContain('FROM public.ecr.aws/lambda/nodejs:22-arm64');
    const entity = yaml.parse(files['repo/catalog-info.yaml']);
    expect(entity.metadata.annotations).toMatchObject({
      'lambda-paved-road.io/app': 'hello-api',
      'lambda-paved-road.io/exposure': 'external',
    });
    expect(entity.metadata.links).toEqual([
      { title: 'dev', url: 'https://dev-hello-api.paved-road.example.com', icon: 'web' },
      { title: 'prod', url: 'https://hello-api.paved-road.example.com', icon: 'web' },
    ]);
    expect(files['terraform/prod/main.tf']).toMatch(/workloads_account_id\s+= "200000000004"/);
    expect(files['terraform/prod/main.tf']).toMatch(/branch\s+= "main"/);
    const links = res.body.output.links.filter((l: any) => l.url);
    expect(links.map((l: any) => l.url)).toEqual(
      expect.arrayContaining([
        'https://dev-hello-api.paved-road.example.com',
        'https://hello-api.paved-road.example.com',
      ]),
    );
    expect(fs.existsSync(localRepo('team-a', 'hello-api'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'terraform', 'hello-api'))).toBe(false);

    // The generated Node.js tests pass on the generated code as-is.
    const rendered = fs.mkdtempSync(path.join(root, 'rendered-'));
    for (const [file, content] of Object.entries(files)) {
      if (!file.startsWith('repo/')) continue;
      fs.mkdirSync(path.dirname(path.join(rendered, file)), { recursive: true });
      fs.writeFileSync(path.join(rendered, file), content as string);
    }
    const out = execFileSync('node', ['--test'], { cwd: path.join(rendered, 'repo'), stdio: 'pipe' }).toString();
    expect(out).toMatch(/# pass 6/);
  });

  it.each([
    ['an invalid name', { name: 'hello_api' }, /does not match pattern/],
    ['an upper-case name', { name: 'Hello' }, /does not match pattern/],
    ['a too long name', { name: 'a'.repeat(27) }, /must NOT have more than 26 characters|does not meet maximum length of 26/],
    ['too little memory', { memorySize: 64 }, /memorySize.*(greater than or equal to 128|>= 128)/],
    ['too long a timeout', { timeout: 901 }, /timeout.*(less than or equal to 900|<= 900)/],
    ['an unknown environment', { environments: ['qa'] }, /environments.*(enum|allowed values)/],
  ])('refuses %s before any task runs', async (_, bad, message) => {
    const { created } = await runTask(values(bad));
    expect(created.status).toBe(400);
    expect(JSON.stringify(created.body.errors)).toMatch(message);
  });

  it('fails a reserved name at the resolve step, naming the rule, before any repository exists', async () => {
    const { task, log } = await runTask(values({ name: 'aws-thing', repoUrl: 'github.com?owner=team-a&repo=aws-thing' }));
    expect(task.status).toBe('failed');
    expect(log).toContain('starts with "aws", which AWS reserves [app-name-reserved]');
    expect(fs.existsSync(localRepo('team-a', 'aws-thing'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'terraform', 'aws-thing'))).toBe(false);
  });

  it('creates the repository, applies Terraform against the emulator and registers the component', async () => {
    const { task, log } = await runTask(values());
    if (task.status !== 'completed') throw new Error(`task failed:\n${log}`);

    // The repository: four branches, the rendered skeleton, tests that pass.
    const repo = localRepo('team-a', 'hello-api');
    const branches = execFileSync('git', ['branch', '--format=%(refname:short)'], { cwd: repo })
      .toString()
      .split('\n')
      .filter(Boolean)
      .sort();
    expect(branches).toEqual(['dev', 'main', 'stage', 'test']);
    execFileSync('python3', ['-m', 'unittest', 'discover'], { cwd: repo, stdio: 'pipe' });

    // Terraform's progress was streamed into the task log, and its state holds the resources.
    expect(log).toMatch(/Apply complete! Resources: \d+ added/);
    const state = JSON.parse(
      fs.readFileSync(path.join(root, 'terraform', 'state', 'hello-api', 'dev', 'terraform.tfstate'), 'utf8'),
    );
    const types = state.resources.map((r: any) => r.type);
    expect(types).toEqual(expect.arrayContaining(['aws_lambda_function', 'aws_ecr_repository', 'aws_codepipeline']));

    // The function, seen by the workloads account through the AWS SDK.
    const sts = new STSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::200000000001:role/reader', RoleSessionName: 'test' }));
    const lambda = new LambdaClient({
      endpoint: aws.endpoint,
      region: 'us-east-1',
      credentials: {
        accessKeyId: assumed.Credentials!.AccessKeyId!,
        secretAccessKey: assumed.Credentials!.SecretAccessKey!,
        sessionToken: assumed.Credentials!.SessionToken!,
      },
    });
    const fn = await lambda.send(new GetFunctionCommand({ FunctionName: 'hello-api-dev' }));
    expect(fn.Configuration).toMatchObject({ MemorySize: 512, Timeout: 30, Architectures: ['arm64'], PackageType: 'Image' });

    // The outputs reach the template, and the component is in the catalog
    // the moment the task ends (the register step waits for it), so the
    // task's "Open in catalog" link works at once.
    expect(task.spec).toBeDefined();
    const entity = await request(server).get('/api/catalog/entities/by-name/component/default/hello-api').set(auth);
    expect(entity.status).toBe(200);
    const component = entity.body;
    expect(component.metadata.annotations['lambda-paved-road.io/app']).toBe('hello-api');
    expect(component.spec.owner).toBe('group:default/team-a');
  });
});
