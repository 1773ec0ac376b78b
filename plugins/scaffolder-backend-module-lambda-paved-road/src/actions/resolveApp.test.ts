import { createResolveAppAction } from './resolveApp';
import { config, runAction } from '../__testUtils__/context';
import { pavedRoadConfig } from '../__testUtils__/fixtures';

const base = pavedRoadConfig('/tmp/unused');

describe('lambda:app:resolve', () => {
  const action = createResolveAppAction({ config: config(base) });

  it('resolves names, URLs and accounts of each selected environment in promotion order', async () => {
    const { output } = await runAction(action, {
      app: 'hello-api',
      environments: ['prod', 'dev'],
      exposure: 'external',
      repoUrl: 'github.com?owner=team-a&repo=hello',
    });
    expect(output.environmentNames).toEqual(['dev', 'prod']);
    expect(output.environments).toEqual([
      expect.objectContaining({
        name: 'dev',
        branch: 'dev',
        functionName: 'hello-api-dev',
        targetGroupName: 'hello-api-dev',
        url: 'https://dev-hello-api.paved-road.example.com',
        deploymentsAccountId: '100000000001',
        workloadsAccountId: '200000000001',
      }),
      expect.objectContaining({
        name: 'prod',
        branch: 'main',
        production: true,
        url: 'https://hello-api.paved-road.example.com',
        workloadsAccountId: '200000000004',
      }),
    ]);
    expect(output.defaultBranch).toBe('main');
    expect(output.environmentBranches).toEqual(['dev', 'test', 'stage']);
    expect(output.repository).toEqual({
      mode: 'local',
      host: 'github.com',
      owner: 'team-a',
      name: 'hello',
      slug: 'team-a/hello',
      repoUrl: 'github.com?owner=team-a&repo=hello',
    });
    expect(output.links).toEqual([
      { title: 'dev: https://dev-hello-api.paved-road.example.com', url: 'https://dev-hello-api.paved-road.example.com' },
      { title: 'prod: https://hello-api.paved-road.example.com', url: 'https://hello-api.paved-road.example.com' },
    ]);
  });

  it('applies the defaults the JSON schema declares', async () => {
    const { output } = await runAction(action, { app: 'hello' });
    expect(output).toMatchObject({
      exposure: 'internal',
      runtime: 'python3.12',
      architecture: 'arm64',
      memorySize: 512,
      timeout: 30,
      environmentNames: ['dev', 'test', 'stage', 'prod'],
      repository: expect.objectContaining({ mode: 'local', slug: 'local/hello' }),
    });
    expect((output.links as any[])[0].url).toContain('console.aws.amazon.com/lambda');
  });

  it.each([
    ['Hello', 'must be lowercase', 'app-name-lowercase'],
    ['hello_api', 'may contain only lowercase letters, digits and hyphens', 'app-name-charset'],
    ['aws-api', 'which AWS reserves', 'app-name-reserved'],
    ['a'.repeat(27), 'too long for environment "stage"', 'target-group-name-length'],
    ['', 'App name is required', 'app-name-required'],
  ])('rejects %p with the rule it breaks', async (app, message, rule) => {
    const run = runAction(action, { app });
    await expect(run).rejects.toThrow(message);
    await expect(runAction(action, { app })).rejects.toThrow(`[${rule}]`);
  });

  it('accepts a name that fits the selected environments only', async () => {
    // 27 characters fit dev ({app}-dev = 31) but not stage (33).
    await expect(runAction(action, { app: 'a'.repeat(27), environments: ['dev'] })).resolves.toBeDefined();
  });

  it('rejects an unknown environment, listing the configured ones', async () => {
    await expect(runAction(action, { app: 'hello', environments: ['qa'] })).rejects.toThrow(
      'Unknown environment "qa"; configured: dev, test, stage, prod',
    );
  });

  it('requires a repository location in GitHub mode, and a GitHub integration for its host', async () => {
    const github = createResolveAppAction({
      config: config({
        ...base,
        lambdaPavedRoad: { ...(base.lambdaPavedRoad as object), repositories: {} },
        integrations: { github: [{ host: 'github.com', token: 'ghp_secret' }] },
      }),
    });
    await expect(runAction(github, { app: 'hello' })).rejects.toThrow('repoUrl is required');
    const { output } = await runAction(github, { app: 'hello', repoUrl: 'github.com?owner=acme&repo=hello' });
    expect(output.repository).toMatchObject({ mode: 'github', slug: 'acme/hello' });
    await expect(
      runAction(github, { app: 'hello', repoUrl: 'github.com?owner=ac%20me&repo=hello' }),
    ).rejects.toThrow('Repository owner "ac me" may contain only');
  });
});
