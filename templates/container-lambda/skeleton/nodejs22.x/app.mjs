// HTTP handler of ${{ values.app }}, invoked by an Application Load Balancer.
//
// ALB events carry httpMethod, path, headers (or multiValueHeaders), body and
// isBase64Encoded; the response needs statusCode, statusDescription, headers
// (or multiValueHeaders, matching the request) and body.
import { STATUS_CODES } from 'node:http';

const APP_NAME = process.env.APP_NAME ?? '${{ values.app }}';

function response(event, statusCode, payload) {
  const headers = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };
  const res = {
    statusCode,
    statusDescription: `${statusCode} ${STATUS_CODES[statusCode]}`,
    isBase64Encoded: false,
    body: payload === undefined ? '' : JSON.stringify(payload),
  };
  // An ALB with multi-value headers enabled expects them back in kind.
  if (event.multiValueHeaders) {
    res.multiValueHeaders = Object.fromEntries(
      Object.entries(headers).map(([k, v]) => [k, [v]]),
    );
  } else {
    res.headers = headers;
  }
  return res;
}

function requestBody(event) {
  const body = event.body ?? '';
  return event.isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
}

function route(event) {
  const method = (event.httpMethod ?? 'GET').toUpperCase();
  const path = event.path || '/';
  const notAllowed = () =>
    response(event, 405, { error: `${method} is not allowed on ${path}` });
  if (path === '/health') {
    if (method !== 'GET' && method !== 'HEAD') return notAllowed();
    return response(event, 200, method === 'HEAD' ? undefined : { status: 'ok' });
  }
  if (path === '/') {
    if (method !== 'GET') return notAllowed();
    return response(event, 200, {
      message: `hello from ${APP_NAME}`,
      environment: process.env.APP_ENVIRONMENT ?? 'local',
    });
  }
  if (path === '/echo') {
    if (method !== 'POST') return notAllowed();
    try {
      const text = requestBody(event);
      return response(event, 200, { received: text ? JSON.parse(text) : null });
    } catch {
      return response(event, 400, { error: 'the body must be JSON' });
    }
  }
  return response(event, 404, { error: `no route for ${method} ${path}` });
}

export const handler = async event => {
  try {
    return route(event);
  } catch (error) {
    // Answer 500 rather than let the ALB answer 502.
    console.error('unhandled error', error);
    return response(event, 500, { error: 'internal error' });
  }
};
