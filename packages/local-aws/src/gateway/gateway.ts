import http from 'node:http';
import { applyFaults, FaultRule } from './faults';
import type { GatewayResponse } from './errors';
import { AwsCall, describeCall } from './requestInfo';

/**
 * A repair for one thing moto gets wrong for the JavaScript SDK. A mend may
 * answer a call itself (an API moto lacks) or rewrite moto's answer.
 */
export interface Mend {
  name: string;
  /** Answer the call, or return undefined to forward it to moto. */
  handle?(call: AwsCall, ctx: MendContext): Promise<GatewayResponse | undefined>;
  /** Rewrite moto's response to a forwarded call. */
  rewrite?(
    call: AwsCall,
    response: GatewayResponse,
    ctx: MendContext,
  ): Promise<GatewayResponse>;
  /** Harness-only control routes under `/_gateway/<name>/…`. */
  control?(
    path: string,
    method: string,
    body: unknown,
  ): Promise<{ status: number; body: unknown } | undefined>;
  /** Forget all state (with moto's reset). */
  reset?(): void;
}

export interface MendContext {
  /** Sends a call to moto as-is and returns its answer. */
  forward(call: AwsCall): Promise<GatewayResponse>;
}

export interface GatewayOptions {
  /** moto's endpoint. */
  target: string;
  port: number;
  mends?: Mend[];
  /** Added before every forwarded or emulated call. */
  latencyMs?: number;
}

export interface CallStats {
  total: number;
  byOperation: Record<string, number>;
  byAccount: Record<string, number>;
}

export interface Gateway {
  endpoint: string;
  stats(): CallStats;
  resetStats(): void;
  setLatency(ms: number): void;
  setFaults(rules: FaultRule[]): void;
  /** Clears faults, stats, learnt accounts and every mend's state. */
  reset(): void;
  stop(): Promise<void>;
}

// moto's default account: the dummy access keys belong to it.
const DEFAULT_ACCOUNT = '123456789012';

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function forwardTo(target: URL, call: AwsCall): Promise<GatewayResponse> {
  return new Promise((resolve, reject) => {
    const headers = { ...call.headers, host: target.host };
    delete headers['content-length'];
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: call.method,
        path: call.url,
        headers: { ...headers, 'content-length': String(call.body.length) },
      },
      async res => {
        const body = await readBody(res);
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) {
          if (v === undefined || k === 'content-length' || k === 'transfer-encoding') continue;
          out[k] = Array.isArray(v) ? v.join(', ') : v;
        }
        resolve({ status: res.statusCode ?? 502, headers: out, body });
      },
    );
    req.on('error', reject);
    req.end(call.body);
  });
}

/**
 * The emulator gateway: forwards every call to moto, mends what moto gets
 * wrong for the SDK, and can add latency, count calls and inject faults.
 * Production code only ever sees it as `AWS_ENDPOINT_URL`.
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const target = new URL(options.target);
  const mends = options.mends ?? [];
  let latencyMs = options.latencyMs ?? 0;
  let faults: FaultRule[] = [];
  let stats: CallStats = { total: 0, byOperation: {}, byAccount: {} };
  // Access key → account, learnt from STS responses (moto scopes assumed
  // roles' keys to the role's account).
  const accounts = new Map<string, string>();
  const ctx: MendContext = { forward: call => forwardTo(target, call) };

  const send = (res: http.ServerResponse, r: GatewayResponse) => {
    res.writeHead(r.status, { ...r.headers, 'content-length': r.body.length });
    res.end(r.body);
  };

  const control = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    path: string,
  ) => {
    const raw = await readBody(req);
    const body = raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
    const reply = (status: number, value: unknown) =>
      send(res, {
        status,
        headers: { 'content-type': 'application/json' },
        body: Buffer.from(JSON.stringify(value ?? {})),
      });
    if (path === '/_gateway/stats' && req.method === 'GET') return reply(200, stats);
    if (path === '/_gateway/stats/reset') {
      stats = { total: 0, byOperation: {}, byAccount: {} };
      return reply(200, {});
    }
    if (path === '/_gateway/latency') {
      latencyMs = Number(body?.ms ?? 0);
      return reply(200, { ms: latencyMs });
    }
    if (path === '/_gateway/faults') {
      faults = Array.isArray(body) ? body : [];
      return reply(200, faults);
    }
    for (const mend of mends) {
      const prefix = `/_gateway/${mend.name}`;
      if (mend.control && path.startsWith(prefix)) {
        const out = await mend.control(path.slice(prefix.length), req.method ?? 'GET', body);
        if (out) return reply(out.status, out.body);
      }
    }
    return reply(404, { error: `no gateway route ${req.method} ${path}` });
  };

  const server = http.createServer(async (req, res) => {
    try {
      const url = req.url ?? '/';
      const path = url.split('?')[0];
      if (path.startsWith('/_gateway/')) {
        await control(req, res, path);
        return;
      }
      const body = await readBody(req);
      const call = describeCall(req.method ?? 'GET', url, req.headers, body);
      if (call.accessKeyId) {
        call.accountId =
          accounts.get(call.accessKeyId) ??
          (call.accessKeyId.startsWith('ASIA')
            ? undefined
            : DEFAULT_ACCOUNT);
      }
      // moto's own API (reset, config, data) is not an AWS call.
      const isMotoApi = path.startsWith('/moto-api');
      if (!isMotoApi) {
        stats.total += 1;
        const op = `${call.service}.${call.operation}`;
        stats.byOperation[op] = (stats.byOperation[op] ?? 0) + 1;
        const acct = call.accountId ?? 'unknown';
        stats.byAccount[acct] = (stats.byAccount[acct] ?? 0) + 1;
      }
      if (latencyMs > 0 && !isMotoApi) {
        await new Promise(r => setTimeout(r, latencyMs));
      }
      const fault = isMotoApi ? undefined : applyFaults(faults, call);
      if (fault?.type === 'respond') {
        send(res, fault.response);
        return;
      }
      if (fault?.type === 'drop') {
        req.socket.destroy();
        return;
      }
      if (fault?.type === 'delay') {
        await new Promise(r => setTimeout(r, fault.ms));
      }
      for (const mend of mends) {
        const answer = await mend.handle?.(call, ctx);
        if (answer) {
          send(res, answer);
          return;
        }
      }
      let response = await ctx.forward(call);
      for (const mend of mends) {
        if (mend.rewrite) response = await mend.rewrite(call, response, ctx);
      }
      if (call.service === 'sts' && response.status === 200) {
        learnAccount(response.body.toString('utf8'), accounts);
      }
      send(res, response);
    } catch (e) {
      send(res, {
        status: 502,
        headers: { 'content-type': 'text/plain' },
        body: Buffer.from(`emulator gateway error: ${(e as Error).message}`),
      });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });

  const gateway: Gateway = {
    endpoint: `http://127.0.0.1:${options.port}`,
    stats: () => JSON.parse(JSON.stringify(stats)),
    resetStats() {
      stats = { total: 0, byOperation: {}, byAccount: {} };
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    setFaults(rules) {
      faults = rules.map(r => ({ ...r }));
    },
    reset() {
      faults = [];
      accounts.clear();
      gateway.resetStats();
      for (const mend of mends) mend.reset?.();
    },
    stop: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
  return gateway;
}

function learnAccount(xml: string, accounts: Map<string, string>) {
  const key = /<AccessKeyId>([^<]+)<\/AccessKeyId>/.exec(xml)?.[1];
  const arn = /<Arn>arn:aws:sts::(\d{12}):/.exec(xml)?.[1];
  if (key && arn) accounts.set(key, arn);
}
