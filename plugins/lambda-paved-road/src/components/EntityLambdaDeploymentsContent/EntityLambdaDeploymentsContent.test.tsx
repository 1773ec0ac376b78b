import { act, screen, within } from '@testing-library/react';
import { ResponseError } from '@backstage/errors';
import userEvent from '@testing-library/user-event';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { EntityDeployments } from '@lambda-paved-road/plugin-lambda-paved-road-common';
import { EntityLambdaDeploymentsContent } from './EntityLambdaDeploymentsContent';
import {
  failed,
  nothingDeployed,
  sampleDeployments,
} from '../../__testUtils__/fixtures';
import {
  TestConfig,
  findInAct,
  fakeApi,
  helloApi,
  renderWithApi,
} from '../../__testUtils__/render';

const render = async (
  answer: () => Promise<EntityDeployments>,
  options: {
    entity?: typeof helloApi;
    config?: TestConfig;
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    start?: () => Promise<{ pipelineExecutionId: string }>;
    alerts?: { post: (alert: { message: string; severity?: string }) => void };
  } = {},
) => {
  const api = fakeApi(answer, options.start);
  await renderWithApi(<EntityLambdaDeploymentsContent />, { api, ...options });
  return api;
};

describe('EntityLambdaDeploymentsContent', () => {
  it('shows progress while loading', async () => {
    const api = await render(() => new Promise(() => {}));
    await findInAct(() => expect(api.calls).toBe(1));
    expect(
      await findInAct(() => screen.getByTestId('progress')),
    ).toBeInTheDocument();
  });

  it('shows the four environments side by side with what a promotion carries', async () => {
    await render(async () => sampleDeployments());
    const table = await findInAct(() =>
      screen.getByRole('table', { name: 'Deployments by environment' }),
    );
    const headers = within(table)
      .getAllByRole('columnheader')
      .map(h => h.textContent);
    // dev, gap, test, gap, stage, gap, prod: promotion order with the gap between.
    expect(
      headers.filter(h => /^(dev|test|stage|prod)branch/.test(h ?? '')),
    ).toHaveLength(4);
    expect(headers[1]).toMatch(/^dev/);
    expect(screen.getByTestId('promotion-test')).toHaveTextContent(
      'test is 1 commit behind dev',
    );
    expect(screen.getByTestId('promotion-stage')).toHaveTextContent(
      'stage is 2 commits behind test',
    );
    expect(screen.getByTestId('promotion-prod')).toHaveTextContent(
      'prod runs the same image as stage',
    );

    const devCommit = screen.getByTestId('dev-live-commit');
    expect(
      within(devCommit).getByRole('link', { name: /^Commit 5555555 in dev/ }),
    ).toHaveAttribute('href', expect.stringContaining('/commit/5555555'));
    expect(devCommit).toHaveTextContent('Tune memory to 1024 MB');
    expect(screen.getByTestId('stage-image')).toHaveTextContent('Tag 2222222');
    expect(screen.getByTestId('stage-image')).toHaveTextContent(
      'Scan: 2 HIGH · 1 MEDIUM',
    );
    expect(screen.getByTestId('prod-lambda')).toHaveTextContent(
      'live → version 2',
    );
    expect(screen.getByTestId('prod-lambda')).toHaveTextContent('Active');
    expect(screen.getByTestId('prod-url')).toHaveTextContent(
      'hello-api.paved-road.example.com',
    );
    expect(screen.getByTestId('prod-url')).toHaveTextContent('Healthy');
    expect(screen.getByTestId('dev-pipeline')).toHaveTextContent('Succeeded');
  });

  it('shows one failing account in its cells with a hint, and the rest intact', async () => {
    await render(async () =>
      sampleDeployments(envs => {
        const stage = envs[2];
        const denied = {
          code: 'ACCESS_DENIED' as const,
          message: 'User is not authorized to perform ecr:DescribeImages',
          accountId: stage.workloadsAccountId,
          awsErrorName: 'AccessDeniedException',
        };
        stage.images = failed(denied);
        stage.function = failed({
          ...denied,
          message: 'not authorized: lambda:GetFunction',
        });
        stage.derived = { imageDrift: false, aliasBehindLatest: false };
      }),
    );
    const cell = await findInAct(() =>
      screen.getByTestId('stage-images-error'),
    );
    expect(cell).toHaveTextContent('Access denied');
    expect(cell).toHaveTextContent(
      'User is not authorized to perform ecr:DescribeImages',
    );
    expect(cell).toHaveTextContent(
      'read role the backend assumes in workloads account 200000000003',
    );
    expect(cell).toHaveTextContent('ecr:DescribeImages');
    expect(screen.getByTestId('stage-function-error')).toHaveTextContent(
      'lambda:GetFunction',
    );
    // stage's pipeline (another account) and the other environments still show.
    expect(screen.getByTestId('stage-pipeline')).toHaveTextContent('Succeeded');
    expect(screen.getByTestId('test-lambda')).toHaveTextContent(
      'live → version 4',
    );
    expect(screen.getByTestId('prod-image')).toHaveTextContent('Tag 2222222');
    expect(screen.getByTestId('promotion-stage')).toHaveTextContent(
      'nothing live in stage yet',
    );
  });

  it('warns visibly when the function does not run the environment tag’s image', async () => {
    await render(async () =>
      sampleDeployments(envs => {
        envs[1].derived.imageDrift = true;
      }),
    );
    const alert = await findInAct(() => screen.getByRole('alert'));
    expect(alert).toHaveTextContent(
      'Drift: the function does not run the image the test tag points at',
    );
    expect(within(screen.getByTestId('test-image')).getByRole('alert')).toBe(
      alert,
    );
  });

  it('says what to do next when nothing is deployed yet', async () => {
    await render(async () => nothingDeployed());
    expect(
      await findInAct(() =>
        screen.getByText('Nothing deployed for hello-api yet'),
      ),
    ).toBeInTheDocument();
    const advice = screen.getByText(/Push a commit to the/);
    expect(advice).toHaveTextContent(
      /Push a commit to the dev branch: hello-api-dev.* builds the image/,
    );
    expect(
      within(advice).getByRole('link', { name: /hello-api-dev/ }),
    ).toHaveAttribute(
      'href',
      expect.stringContaining('codepipeline/pipelines/hello-api-dev'),
    );
    expect(screen.getByTestId('dev-pipeline')).toHaveTextContent('No runs yet');
  });

  it('shows the snippet to add when the annotation is missing, and calls nothing', async () => {
    const api = await render(async () => sampleDeployments(), {
      entity: { ...helloApi, metadata: { name: 'legacy', annotations: {} } },
    });
    expect(
      await findInAct(() => screen.getByText('Missing Annotation')),
    ).toBeInTheDocument();
    // The YAML to paste into catalog-info.yaml (a lazily loaded code block).
    await findInAct(() =>
      expect(document.querySelector('pre')?.textContent).toContain(
        'lambda-paved-road.io/app: value',
      ),
    );
    expect(api.calls).toBe(0);
  });

  it('shows the backend’s message when the whole request fails', async () => {
    await render(async () => {
      const body = JSON.stringify({
        error: {
          name: 'NotAllowedError',
          message: 'not allowed to read hello-api',
        },
        response: { statusCode: 403 },
      });
      throw await ResponseError.fromResponse({
        status: 403,
        statusText: 'Forbidden',
        url: 'http://backstage.test/api/lambda-paved-road/entity/default/component/hello-api/deployments',
        headers: new Headers({ 'content-type': 'application/json' }),
        text: async () => body,
        json: async () => JSON.parse(body),
      } as unknown as Response);
    });
    expect(
      await findInAct(() =>
        screen.getByText(
          'Error: Could not load the deployments: not allowed to read hello-api',
        ),
      ),
    ).toBeInTheDocument();
  });

  it('expands an environment’s detail from the keyboard', async () => {
    const user = userEvent.setup();
    await render(async () => sampleDeployments());
    const summary = await findInAct(() =>
      screen.getByRole('button', { name: /stage details/ }),
    );
    expect(summary).toHaveAttribute('aria-expanded', 'false');
    summary.focus();
    await user.keyboard('{Enter}');
    expect(summary).toHaveAttribute('aria-expanded', 'true');
    const executions = await findInAct(() =>
      screen.getByRole('table', { name: 'stage pipeline executions' }),
    );
    expect(within(executions).getAllByRole('row')).toHaveLength(3); // header + 2 runs
    expect(
      screen.getByRole('list', { name: 'Stages of the latest stage run' }),
    ).toHaveTextContent('Deploy: succeeded');
    expect(
      screen.getByRole('table', { name: 'stage builds' }),
    ).toHaveTextContent('BUILD 1 min 11 s');
    expect(
      screen.getByRole('table', { name: 'stage builds' }),
    ).toHaveTextContent('Logs');
    expect(
      screen.getByRole('table', { name: 'stage image tags' }),
    ).toHaveTextContent('2222222, stage');
    expect(
      screen.getByRole('table', { name: 'stage Lambda versions' }),
    ).toHaveTextContent('live');
    await user.keyboard(' ');
    expect(summary).toHaveAttribute('aria-expanded', 'false');
    // The next environment's summary is reachable with Tab.
    await user.tab();
    expect(screen.getByRole('button', { name: /prod details/ })).toHaveFocus();
  });

  it('refreshes on the button and keeps the data visible meanwhile', async () => {
    const user = userEvent.setup();
    let version = 1;
    const api = await render(async () =>
      sampleDeployments(envs => {
        envs[0].derived.liveVersion = String(version);
      }),
    );
    await findInAct(() => screen.getByTestId('dev-live-commit'));
    version = 2;
    await user.click(
      screen.getByRole('button', { name: 'Refresh deployments' }),
    );
    await findInAct(() => expect(api.calls).toBe(2));
    expect(screen.getByTestId('dev-live-commit')).toBeInTheDocument();
  });
});

describe('running a pipeline', () => {
  it('asks first, says what it deploys where, starts the run and reloads', async () => {
    const user = userEvent.setup();
    const alerts: Array<{ message: string; severity?: string }> = [];
    const api = await render(async () => sampleDeployments(), {
      alerts: { post: a => alerts.push(a) },
    });
    const cell = await findInAct(() => screen.getByTestId('prod-pipeline'));
    await user.click(
      within(cell).getByRole('button', { name: 'Run the prod pipeline' }),
    );
    const dialog = await findInAct(() => screen.getByRole('dialog'));
    expect(dialog).toHaveTextContent(
      'CodePipeline fetches the newest commit on the main branch, builds it and deploys it to prod, which is production.',
    );
    // Nothing starts before the confirmation.
    expect(api.started).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Run' }));
    await findInAct(() => expect(api.started).toHaveLength(1));
    expect(api.started[0]).toEqual({
      entityRef: { kind: 'Component', namespace: 'default', name: 'hello-api' },
      environment: 'prod',
    });
    await findInAct(() => expect(api.calls).toBe(2));
    expect(alerts).toEqual([
      expect.objectContaining({
        message: 'Started hello-api-prod (run run-new)',
        severity: 'success',
      }),
    ]);
    await findInAct(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows the backend’s reason when the start fails, and keeps the dialog open', async () => {
    const user = userEvent.setup();
    const alerts: Array<{ message: string; severity?: string }> = [];
    const api = await render(async () => sampleDeployments(), {
      alerts: { post: a => alerts.push(a) },
      start: async () => {
        throw new Error(
          'AWS throttled reading CodePipeline pipeline "hello-api-dev"',
        );
      },
    });
    const cell = await findInAct(() => screen.getByTestId('dev-pipeline'));
    await user.click(
      within(cell).getByRole('button', { name: 'Run the dev pipeline' }),
    );
    const dialog = await findInAct(() => screen.getByRole('dialog'));
    await user.click(within(dialog).getByRole('button', { name: 'Run' }));
    await findInAct(() => expect(alerts).toHaveLength(1));
    expect(alerts[0]).toEqual(
      expect.objectContaining({
        message:
          'Could not start hello-api-dev: AWS throttled reading CodePipeline pipeline "hello-api-dev"',
        severity: 'error',
      }),
    );
    expect(api.calls).toBe(1);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('offers no button to users the permission policy does not let start it', async () => {
    // Another entity: usePermission caches answers per permission and resource across renders.
    await render(async () => sampleDeployments(), {
      permission: AuthorizeResult.DENY,
      entity: {
        ...helloApi,
        metadata: { ...helloApi.metadata, name: 'denied-api' },
      },
    });
    await findInAct(() => screen.getByTestId('dev-pipeline'));
    expect(
      screen.queryByRole('button', { name: /Run the .* pipeline/ }),
    ).toBeNull();
  });
});

describe('auto-refresh', () => {
  let visibility: DocumentVisibilityState = 'visible';
  beforeAll(() => {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => visibility,
    });
  });
  beforeEach(() => {
    // Only the clock the hook uses; the test app mounts through real ticks.
    jest.useFakeTimers({
      doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'],
    });
    visibility = 'visible';
  });
  afterEach(() => jest.useRealTimers());

  it('refreshes at the configured interval, pauses while hidden, catches up when shown', async () => {
    const api = await render(async () => sampleDeployments(), {
      config: { lambdaPavedRoad: { frontend: { refreshIntervalSeconds: 5 } } },
    });
    expect(api.calls).toBe(1);
    expect(screen.getByText(/refreshes every 5 s/)).toBeInTheDocument();
    await act(async () => {
      await jest.advanceTimersByTimeAsync(5000);
    });
    expect(api.calls).toBe(2);

    visibility = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    await act(async () => {
      await jest.advanceTimersByTimeAsync(20_000);
    });
    expect(api.calls).toBe(2);

    visibility = 'visible';
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
      await jest.advanceTimersByTimeAsync(10);
    });
    expect(api.calls).toBe(3);
  });

  it('can be turned off', async () => {
    const api = await render(async () => sampleDeployments(), {
      config: { lambdaPavedRoad: { frontend: { refreshIntervalSeconds: 0 } } },
    });
    await act(async () => {
      await jest.advanceTimersByTimeAsync(120_000);
    });
    expect(api.calls).toBe(1);
    expect(screen.getByText(/auto-refresh off/)).toBeInTheDocument();
  });
});
