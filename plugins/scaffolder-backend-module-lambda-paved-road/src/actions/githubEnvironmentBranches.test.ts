import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createGithubEnvironmentBranchesAction } from './githubEnvironmentBranches';
import { config, runAction } from '../__testUtils__/context';

const api = 'https://api.github.com/repos/acme/hello-api';

describe('lambda:github:environment-branches', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  const action = createGithubEnvironmentBranchesAction({
    config: config({ integrations: { github: [{ host: 'github.com', token: 'ghp_integration_token_123' }] } }),
  });
  const input = { repoUrl: 'github.com?owner=acme&repo=hello-api', branches: ['dev', 'test', 'stage'] };

  function fakeGithub(existing: Record<string, string>) {
    const branches = { ...existing };
    const protections: Record<string, any> = {};
    const tokens = new Set<string | null>();
    server.use(
      http.get(`${api}/git/ref/heads/:branch`, ({ params, request }) => {
        tokens.add(request.headers.get('authorization'));
        const sha = branches[params.branch as string];
        return sha ? HttpResponse.json({ object: { sha } }) : HttpResponse.json({ message: 'Not Found' }, { status: 404 });
      }),
      http.post(`${api}/git/refs`, async ({ request }) => {
        const body: any = await request.json();
        const name = body.ref.replace('refs/heads/', '');
        if (branches[name]) return HttpResponse.json({ message: 'Reference already exists' }, { status: 422 });
        branches[name] = body.sha;
        return HttpResponse.json({}, { status: 201 });
      }),
      http.put(`${api}/branches/:branch/protection`, async ({ params, request }) => {
        protections[params.branch as string] = await request.json();
        return HttpResponse.json({});
      }),
    );
    return { branches, protections, tokens };
  }

  it('creates the environment branches from main and protects each', async () => {
    const gh = fakeGithub({ main: 'abc123', test: 'old' });
    const { output } = await runAction(action, input);
    expect(output).toEqual({ branches: ['dev', 'test', 'stage'], created: ['dev', 'stage'] });
    expect(gh.branches).toEqual({ main: 'abc123', dev: 'abc123', test: 'old', stage: 'abc123' });
    expect(Object.keys(gh.protections).sort()).toEqual(['dev', 'stage', 'test']);
    expect(gh.protections.dev).toMatchObject({
      allow_force_pushes: false,
      allow_deletions: false,
      required_pull_request_reviews: { required_approving_review_count: 1 },
    });
    expect([...gh.tokens]).toEqual(['Bearer ghp_integration_token_123']);
  });

  it('prefers the token of the task, and keeps it out of errors and outputs', async () => {
    const gh = fakeGithub({});
    const error = await runAction(action, { ...input, token: 'gho_user_token_456' }).then(
      () => undefined,
      e => e as Error,
    );
    expect(error?.message).toContain('acme/hello-api has no branch main');
    expect(String(error?.stack)).not.toContain('gho_user_token_456');
    expect([...gh.tokens]).toEqual(['Bearer gho_user_token_456']);
  });

  it('calls nothing in a dry run', async () => {
    const { output } = await runAction(action, input, { isDryRun: true });
    expect(output.branches).toEqual(['dev', 'test', 'stage']);
  });
});
