import assert from 'node:assert/strict';
import { test } from 'node:test';
import { handler } from '../app.mjs';

const albEvent = ({ method = 'GET', path = '/', body = '', base64 = false, multiValue = false } = {}) => ({
  requestContext: { elb: { targetGroupArn: 'arn:aws:elasticloadbalancing:::targetgroup/x/y' } },
  httpMethod: method,
  path,
  queryStringParameters: {},
  ...(multiValue ? { multiValueHeaders: { host: ['example.com'] } } : { headers: { host: 'example.com' } }),
  body,
  isBase64Encoded: base64,
});

test('health answers 200 with JSON', async () => {
  const res = await handler(albEvent({ path: '/health' }));
  assert.equal(res.statusCode, 200);
  assert.equal(res.statusDescription, '200 OK');
  assert.equal(res.headers['Content-Type'], 'application/json');
  assert.equal(res.isBase64Encoded, false);
  assert.deepEqual(JSON.parse(res.body), { status: 'ok' });
});

test('the root names the app', async () => {
  const res = await handler(albEvent());
  assert.equal(res.statusCode, 200);
  assert.match(JSON.parse(res.body).message, /${{ values.app }}/);
});

test('echo decodes a base64 body', async () => {
  const body = Buffer.from(JSON.stringify({ a: 1 })).toString('base64');
  const res = await handler(albEvent({ method: 'POST', path: '/echo', body, base64: true }));
  assert.equal(res.statusCode, 200);
  assert.deepEqual(JSON.parse(res.body), { received: { a: 1 } });
});

test('echo rejects a body that is not JSON', async () => {
  const res = await handler(albEvent({ method: 'POST', path: '/echo', body: 'not json' }));
  assert.equal(res.statusCode, 400);
});

test('unknown routes and methods', async () => {
  assert.equal((await handler(albEvent({ path: '/nope' }))).statusCode, 404);
  const res = await handler(albEvent({ method: 'DELETE', path: '/health' }));
  assert.equal(res.statusCode, 405);
  assert.equal(res.statusDescription, '405 Method Not Allowed');
});

test('answers multi-value headers in kind', async () => {
  const res = await handler(albEvent({ path: '/health', multiValue: true }));
  assert.deepEqual(res.multiValueHeaders['Content-Type'], ['application/json']);
  assert.equal(res.headers, undefined);
});
