import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { startPluginBackend } from './__testUtils__/testBackend';

// Requests that fail before any AWS call: no emulator needed.
describe('router', () => {
  const path = '/api/lambda-paved-road/entity/default/component/hello-api/deployments';
  const auth = () => ({ Authorization: mockCredentials.user.header() });

  it('answers 401 without credentials', async () => {
    const { server } = await startPluginBackend();
    const res = await request(server).get(path);
    expect(res.status).toBe(401);
  });

  it('answers 404 for an entity the caller cannot see', async () => {
    const { server } = await startPluginBackend();
    const res = await request(server)
      .get('/api/lambda-paved-road/entity/default/component/nobody-knows/deployments')
      .set(auth());
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('component:default/nobody-knows');
  });

  it('answers 400 for a malformed ref and for an entity without the annotation', async () => {
    const { server } = await startPluginBackend();
    const malformed = await request(server)
      .get('/api/lambda-paved-road/entity/default/com%20ponent/hello-api/deployments')
      .set(auth());
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/Malformed kind/);
    const plain = await request(server)
      .get('/api/lambda-paved-road/entity/default/component/plain-service/deployments')
      .set(auth());
    expect(plain.status).toBe(400);
    expect(plain.body.error.message).toContain('lambda-paved-road.io/app');
  });

  it('answers 403 when the permission policy denies reading deployments', async () => {
    const { server } = await startPluginBackend({ permission: AuthorizeResult.DENY });
    const res = await request(server).get(path).set(auth());
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('lambda-paved-road.deployments.read');
  });

  it('refuses an unknown environment when starting a pipeline', async () => {
    const { server } = await startPluginBackend();
    const res = await request(server)
      .post('/api/lambda-paved-road/entity/default/component/hello-api/environments/qa/pipeline/start')
      .set(auth());
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('configured: dev, test, stage, prod');
  });
});
