import type { AwsCall } from './requestInfo';

/** An HTTP response the gateway sends instead of (or after) moto's. */
export interface GatewayResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** An AWS error in the wire format the caller's protocol expects. */
export function awsError(
  call: AwsCall,
  status: number,
  code: string,
  message: string,
): GatewayResponse {
  const requestId = `gateway-${Math.random().toString(36).slice(2, 10)}`;
  if (call.protocol === 'query') {
    const xml =
      `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code>` +
      `<Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
    return {
      status,
      headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
      body: Buffer.from(xml),
    };
  }
  const body =
    call.protocol === 'json'
      ? { __type: code, message }
      : { Type: 'User', Message: message, message };
  return {
    status,
    headers: {
      'content-type':
        call.protocol === 'json'
          ? 'application/x-amz-json-1.1'
          : 'application/json',
      'x-amzn-errortype': code,
      'x-amzn-requestid': requestId,
    },
    body: Buffer.from(JSON.stringify(body)),
  };
}

/** A JSON success response (for emulated JSON-protocol APIs). */
export function jsonResponse(value: unknown, status = 200): GatewayResponse {
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1' },
    body: Buffer.from(JSON.stringify(value)),
  };
}
