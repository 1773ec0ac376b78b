import type { IncomingHttpHeaders } from 'node:http';

/** What the gateway knows about one AWS API call. */
export interface AwsCall {
  method: string;
  /** Path and query, as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Signing name from the Authorization header, e.g. `lambda`, `codebuild`. */
  service: string;
  /** API operation, e.g. `BatchGetBuilds`; REST calls get a derived name. */
  operation: string;
  region?: string;
  accessKeyId?: string;
  /** Known once the access key has been seen in an STS response. */
  accountId?: string;
  /** `json` (X-Amz-Target), `query` (Action=…) or `rest`. */
  protocol: 'json' | 'query' | 'rest';
}

const CREDENTIAL = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\//;

// Lambda is REST: name the calls the plugins make; the rest get METHOD+path.
const LAMBDA_ROUTES: Array<[string, RegExp, string]> = [
  ['GET', /^\/2015-03-31\/functions\/[^/]+\/versions/, 'ListVersionsByFunction'],
  ['GET', /^\/2015-03-31\/functions\/[^/]+\/aliases\/[^/]+$/, 'GetAlias'],
  ['GET', /^\/2015-03-31\/functions\/[^/]+\/aliases/, 'ListAliases'],
  ['PUT', /^\/2015-03-31\/functions\/[^/]+\/aliases\/[^/]+$/, 'UpdateAlias'],
  ['POST', /^\/2015-03-31\/functions\/[^/]+\/aliases/, 'CreateAlias'],
  ['POST', /^\/2015-03-31\/functions\/[^/]+\/versions/, 'PublishVersion'],
  ['PUT', /^\/2015-03-31\/functions\/[^/]+\/code/, 'UpdateFunctionCode'],
  ['GET', /^\/2015-03-31\/functions\/[^/]+\/configuration/, 'GetFunctionConfiguration'],
  ['GET', /^\/2019-09-30\/functions\/[^/]+\/concurrency/, 'GetFunctionConcurrency'],
  ['GET', /^\/2015-03-31\/functions\/[^/]+\/?$/, 'GetFunction'],
  ['POST', /^\/2015-03-31\/functions\/?$/, 'CreateFunction'],
  ['GET', /^\/2015-03-31\/functions\/?$/, 'ListFunctions'],
];

export function describeCall(
  method: string,
  url: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
): AwsCall {
  const auth = String(headers.authorization ?? '');
  const cred = CREDENTIAL.exec(auth);
  const target = headers['x-amz-target'];
  const path = url.split('?')[0];
  let operation = `${method} ${path}`;
  let protocol: AwsCall['protocol'] = 'rest';
  if (typeof target === 'string' && target.includes('.')) {
    operation = target.slice(target.lastIndexOf('.') + 1);
    protocol = 'json';
  } else {
    const query = new URLSearchParams(url.split('?')[1] ?? '');
    const form =
      String(headers['content-type'] ?? '').includes(
        'application/x-www-form-urlencoded',
      ) && body.length > 0
        ? new URLSearchParams(body.toString('utf8'))
        : undefined;
    const action = form?.get('Action') ?? query.get('Action');
    if (action) {
      operation = action;
      protocol = 'query';
    } else if (cred?.[3] === 'lambda') {
      const route = LAMBDA_ROUTES.find(
        ([m, re]) => m === method && re.test(path),
      );
      if (route) operation = route[2];
    }
  }
  return {
    method,
    url,
    headers,
    body,
    service: cred?.[3] ?? 'unknown',
    operation,
    region: cred?.[2],
    accessKeyId: cred?.[1],
    protocol,
  };
}
