import type { AwsCall } from '../requestInfo';
import type { GatewayResponse } from '../errors';

/** Parses a JSON request or response body; undefined when it is not JSON. */
export function parseJson(body: Buffer): any {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** The same response with a new JSON body. */
export function withJsonBody(
  response: GatewayResponse,
  value: unknown,
): GatewayResponse {
  return { ...response, body: Buffer.from(JSON.stringify(value)) };
}

/** ISO-8601 string (moto's habit) → epoch seconds (what the JSON protocol wants). */
export function toEpochSeconds(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : ms / 1000;
}

/**
 * A JSON-protocol call to moto made on the caller's behalf (same access key,
 * so moto scopes it to the same account). moto's server routes on the
 * signing name in the credential scope and on X-Amz-Target; it does not
 * check signatures.
 */
export function callAs(
  call: AwsCall,
  service: string,
  target: string,
  input: unknown,
): AwsCall {
  const authorization = String(call.headers.authorization ?? '').replace(
    /(Credential=[^/]+\/\d{8}\/[^/]+\/)[^/]+\//,
    `$1${service}/`,
  );
  const headers = {
    ...call.headers,
    authorization,
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': target,
  };
  return {
    ...call,
    method: 'POST',
    url: '/',
    headers,
    body: Buffer.from(JSON.stringify(input)),
    service,
    operation: target.slice(target.lastIndexOf('.') + 1),
    protocol: 'json',
  };
}

/** Whether moto answered with a success status. */
export function isOk(response: GatewayResponse): boolean {
  return response.status >= 200 && response.status < 300;
}
