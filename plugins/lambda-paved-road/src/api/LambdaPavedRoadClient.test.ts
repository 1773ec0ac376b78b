import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { LambdaPavedRoadClient } from './LambdaPavedRoadClient';
import { sampleDeployments } from '../__testUtils__/fixtures';

const server = setupServer();
registerMswTestHooks(server);

const baseUrl = 'http://backstage.test/api/lambda-paved-road';
const client = new LambdaPavedRoadClient({
  discoveryApi: { getBaseUrl: async () => baseUrl },
  fetchApi: new MockFetchApi(),
});
const ref = { kind: 'Component', namespace: 'default', name: 'hello-api' };

describe('LambdaPavedRoadClient', () => {
  it('reads the deployments of an entity', async () => {
    server.use(
      http.get(
        `${baseUrl}/entity/default/component/hello-api/deployments`,
        () => HttpResponse.json(sampleDeployments()),
      ),
    );
    const result = await client.getDeployments(ref);
    expect(result.environments.map(e => e.environment)).toEqual([
      'dev',
      'test',
      'stage',
      'prod',
    ]);
  });

  it('throws a ResponseError carrying the backend message', async () => {
    server.use(
      http.get(
        `${baseUrl}/entity/default/component/hello-api/deployments`,
        () =>
          HttpResponse.json(
            {
              error: {
                name: 'NotAllowedError',
                message: 'You may not read hello-api',
              },
              response: { statusCode: 403 },
            },
            { status: 403 },
          ),
      ),
    );
    const error = await client.getDeployments(ref).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.message).toBe('Request failed with 403 Forbidden');
    expect(error.cause.message).toBe('You may not read hello-api');
  });

  it('starts an environment pipeline with a POST and returns the run id', async () => {
    let method: string | undefined;
    server.use(
      http.post(
        `${baseUrl}/entity/default/component/hello-api/environments/test/pipeline/start`,
        ({ request }) => {
          method = request.method;
          return HttpResponse.json(
            { pipelineExecutionId: 'run-1' },
            { status: 202 },
          );
        },
      ),
    );
    await expect(client.startPipeline(ref, 'test')).resolves.toEqual({
      pipelineExecutionId: 'run-1',
    });
    expect(method).toBe('POST');
  });
});
