/**
 * Benchmark of the deployments view against the emulator with 50 ms added to
 * every AWS call. Prints figures; asserts nothing.
 *
 *   yarn workspace @lambda-paved-road/plugin-lambda-paved-road-backend bench
 */
import { CacheManager } from '@backstage/backend-defaults/cache';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { CallStats } from '@lambda-paved-road/local-aws';
import { seedDemoApp } from '@lambda-paved-road/local-aws';
import {
  readEnvironments,
  resourceNames,
  TARGET_GROUP_ARN_TAG,
} from '@lambda-paved-road/plugin-lambda-paved-road-common';
import type { Entity } from '@backstage/catalog-model';
import { helloApi, TEST_ENVIRONMENTS } from '../src/__testUtils__/testBackend';
import { AwsClientFactory } from '../src/service/awsClients';
import { DefaultDeploymentsService } from '../src/service/DeploymentsService';
import { listActionExecutions } from '../src/service/sources/actionExecutions';
import { readBuilds } from '../src/service/sources/builds';
import { readEndpoint } from '../src/service/sources/endpoint';
import { readImages } from '../src/service/sources/images';
import { readFunction } from '../src/service/sources/lambdaFunction';
import { readPipeline } from '../src/service/sources/pipeline';

const LATENCY_MS = 50;
/** Also measured: how the cold/chain ratio moves as AWS latency outweighs moto's own cost. */
const MORE_LATENCIES_MS = [100, 200];
const WARM_VIEWS = 500;
const VIEWERS = 50;
// Cold views and single chains are each measured this many times (the p50 is reported).
const COLD_RUNS = 11;

const silent: LoggerService = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child: () => silent,
};

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const fmt = (n: number) => `${n.toFixed(1)} ms`;

/** CPU milliseconds a process has used (Linux /proc), or undefined elsewhere. */
function cpuMsOf(pid: number): number | undefined {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

const childrenOf = (pid: number): number[] => {
  try {
    return execFileSync('pgrep', ['-P', String(pid)]).toString().trim().split('\n').map(Number);
  } catch {
    return [];
  }
};

/** The emulator in a child process (see emulatorProcess.ts), driven through the gateway's control routes. */
async function startEmulator() {
  const child = fork(path.join(__dirname, 'emulatorProcess.ts'), [], {
    execArgv: ['-r', require.resolve('@backstage/cli-node/config/nodeTransform.cjs')],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const { endpoint, env } = await new Promise<{ endpoint: string; env: Record<string, string> }>((resolve, reject) => {
    // Only our message: the transform's loader may talk on the channel too.
    child.on('message', (m: any) => m?.endpoint && m?.env && resolve(m));
    child.once('exit', code => reject(new Error(`the emulator exited with code ${code}`)));
  });
  const control = async (route: string, body?: unknown) => {
    const res = await fetch(`${endpoint}/_gateway/${route}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`gateway ${route}: ${res.status}`);
    return res.json();
  };
  return {
    endpoint,
    env,
    pid: child.pid!,
    stats: () => control('stats') as Promise<CallStats>,
    resetStats: () => control('stats/reset', {}),
    setLatency: (latencyMs: number) => control('latency', { ms: latencyMs }),
    stop: () =>
      new Promise<void>(resolve => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function main() {
  const aws = await startEmulator();
  Object.assign(process.env, aws.env);
  const config = new ConfigReader({
    backend: { cache: { store: 'memory' } },
    aws: { accountDefaults: { roleName: 'lambda-paved-road-reader' } },
    lambdaPavedRoad: { domain: 'paved-road.example.com', region: 'us-east-1', environments: TEST_ENVIRONMENTS },
  });
  const environments = readEnvironments(config);
  try {
    await seedDemoApp({ endpoint: aws.endpoint, environments });
    await aws.setLatency(LATENCY_MS);
    const clients = new AwsClientFactory({
      credentialsManager: DefaultAwsCredentialsManager.fromConfig(config),
      timeoutMs: 5000,
      maxAttempts: 3,
    });
    let cacheGeneration = 0;
    const newService = (cacheTtlMs = 30_000) =>
      new DefaultDeploymentsService({
        environments,
        clients,
        // A fresh plugin id is a fresh, empty cache namespace.
        cache: CacheManager.fromConfig(config).forPlugin(`bench-${cacheGeneration++}`),
        logger: silent,
        cacheTtlMs,
        stableCacheTtlMs: 600_000,
        awsTimeoutMs: 5000,
      });

    /** One view with a fresh, empty cache: its wall time. */
    const timeColdView = async () => {
      const service = newService();
      const start = process.hrtime.bigint();
      await service.getDeployments(helloApi);
      return ms(start);
    };
    const stats = () => aws.stats();
    const awsCalls = async (s?: CallStats) =>
      Object.entries((s ?? (await stats())).byOperation)
        .filter(([op]) => !op.startsWith('sts.'))
        .reduce((n, [, c]) => n + c, 0);

    // 1. The very first view: credentials too (one AssumeRole per account).
    await aws.resetStats();
    let t = process.hrtime.bigint();
    const first = await newService().getDeployments(helloApi);
    const firstWall = ms(t);
    const firstStats = await stats();
    const failed = first.environments.flatMap(e =>
      (['pipeline', 'builds', 'images', 'function', 'endpoint'] as const).filter(s => !e[s].ok).map(s => `${e.environment}.${s}`),
    );
    if (failed.length) throw new Error(`sources failed: ${failed.join(', ')}`);

    // 2a. Cold view: nothing cached (credentials already held).
    const coldWalls: number[] = [];
    let coldCalls = 0;
    for (let i = 0; i < COLD_RUNS; i++) {
      await aws.resetStats();
      coldWalls.push(await timeColdView());
      coldCalls = await awsCalls();
    }
    const coldByOp = (await stats()).byOperation;

    // 2b. A view after the view TTL expired (the steady state of a busy
    // page): the stable cache still holds definitions, ARNs, finished builds.
    const expiring = newService(1);
    await expiring.getDeployments(helloApi);
    const expiredWalls: number[] = [];
    let expiredCalls = 0;
    for (let i = 0; i < 5; i++) {
      await new Promise(r => setTimeout(r, 5));
      await aws.resetStats();
      t = process.hrtime.bigint();
      await expiring.getDeployments(helloApi);
      expiredWalls.push(ms(t));
      expiredCalls = await awsCalls();
    }
    const expiredByOp = (await stats()).byOperation;

    // 3. The slowest single source chain, each source read alone (the
    // builds chain waits for the action executions, the endpoint chain for
    // the function's tags).
    const env = environments[0];
    const names = resourceNames('hello-api', env);
    const deployments = await clients.forAccount(env.deploymentsAccountId, env.region);
    const workloads = await clients.forAccount(env.workloadsAccountId, env.region);
    const chains: Record<string, () => Promise<unknown>> = {
      pipeline: () =>
        readPipeline(deployments, names.pipelineName, listActionExecutions(deployments, names.pipelineName), env.branch),
      builds: () =>
        readBuilds(deployments, names.codeBuildProjectName, listActionExecutions(deployments, names.pipelineName)),
      images: () => readImages(workloads, names.ecrRepositoryName, env.name),
      function: () => readFunction(workloads, names.functionName),
      endpoint: () =>
        readEndpoint(
          workloads,
          names.url,
          'external',
          names.targetGroupName,
          new Promise<string | undefined>(resolve => {
            readFunction(workloads, names.functionName, tags => resolve(tags[TARGET_GROUP_ARN_TAG])).catch(() => resolve(undefined));
          }),
        ),
    };
    const measureChains = async () => {
      const times: Record<string, number> = {};
      for (const [name, run] of Object.entries(chains)) {
        const runs: number[] = [];
        for (let i = 0; i < COLD_RUNS; i++) {
          t = process.hrtime.bigint();
          await run();
          runs.push(ms(t));
        }
        times[name] = percentile(runs, 50);
      }
      return times;
    };
    const chainTimes = await measureChains();
    const [slowestName, slowest] = Object.entries(chainTimes).sort((a, b) => b[1] - a[1])[0];

    // 3b. The same app as an internal one (no ALB): what it costs per environment.
    const internalApp: Entity = {
      ...helloApi,
      metadata: {
        ...helloApi.metadata,
        annotations: { ...helloApi.metadata.annotations, 'lambda-paved-road.io/exposure': 'internal' },
      },
    };
    await aws.resetStats();
    await newService().getDeployments(internalApp);
    const internalCalls = await awsCalls();

    // 4. Warm views.
    const warmService = newService();
    await warmService.getDeployments(helloApi);
    await aws.resetStats();
    const warm: number[] = [];
    for (let i = 0; i < WARM_VIEWS; i++) {
      t = process.hrtime.bigint();
      await warmService.getDeployments(helloApi);
      warm.push(ms(t));
    }
    const warmCalls = (await stats()).total;

    // 5. Concurrent viewers of one entity, cold cache.
    const crowd = newService();
    await aws.resetStats();
    t = process.hrtime.bigint();
    await Promise.all(Array.from({ length: VIEWERS }, () => crowd.getDeployments(helloApi)));
    const crowdWall = ms(t);
    const crowdCalls = await awsCalls();

    // 6. The cold view at higher latencies, against its slowest chain there.
    const sweep: string[] = [];
    for (const latency of MORE_LATENCIES_MS) {
      await aws.setLatency(latency);
      const walls: number[] = [];
      for (let i = 0; i < 5; i++) walls.push(await timeColdView());
      const chain = Math.max(...Object.values(await measureChains()));
      const cold = percentile(walls, 50);
      sweep.push(`+${latency} ms: cold ${fmt(cold)} / slowest chain ${fmt(chain)} = ${(cold / chain).toFixed(2)}x`);
    }

    // 7. The same cold view with no added latency: what moto and the SDK
    // themselves cost (moto answers one call at a time on shared cores).
    await aws.setLatency(0);
    await aws.resetStats();
    const bareWalls: number[] = [];
    for (let i = 0; i < 5; i++) bareWalls.push(await timeColdView());
    const bareCalls = (await stats()).total;

    // 8. Where the CPU of a cold view goes: this process (the backend: SDK,
    // cache, fan-out), the gateway and moto (one Python process).
    const motoPid = childrenOf(aws.pid)[0];
    const CPU_VIEWS = 20;
    const before = { own: process.cpuUsage(), gateway: cpuMsOf(aws.pid), moto: motoPid ? cpuMsOf(motoPid) : undefined };
    for (let i = 0; i < CPU_VIEWS; i++) await newService().getDeployments(helloApi);
    const own = process.cpuUsage(before.own);
    const perView = (after: number | undefined, start: number | undefined) =>
      after !== undefined && start !== undefined ? fmt((after - start) / CPU_VIEWS) : 'n/a';
    const cpuLine = `CPU per cold view (no added latency, ${CPU_VIEWS} views): backend process ${fmt((own.user + own.system) / 1000 / CPU_VIEWS)}, gateway ${perView(cpuMsOf(aws.pid), before.gateway)}, moto ${perView(motoPid ? cpuMsOf(motoPid) : undefined, before.moto)} (2 cores; moto and each Node process use one at a time)`;

    const coldP50 = percentile(coldWalls, 50);
    const envCount = environments.length;
    const lines = [
      `Deployments view benchmark (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${envCount} environments, external app, +${LATENCY_MS} ms per AWS call)`,
      `first view (incl. credentials): ${fmt(firstWall)}, ${firstStats.total} calls (${firstStats.total - (await awsCalls(firstStats))} STS AssumeRole)`,
      `cold view: p50 ${fmt(coldP50)} (runs: ${coldWalls.map(w => w.toFixed(0)).join(', ')} ms)`,
      `source chains alone (p50): ${Object.entries(chainTimes).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`,
      `cold / slowest chain (${slowestName}): ${(coldP50 / slowest).toFixed(2)}x`,
      `AWS calls per cold view: ${coldCalls} = ${(coldCalls / envCount).toFixed(1)} per environment (${Object.entries(coldByOp).map(([k, v]) => `${k} ${v}`).join(', ')})`,
      `AWS calls per cold view of the same app as an internal one: ${internalCalls} = ${(internalCalls / envCount).toFixed(1)} per environment`,
      `view after the ${'30 s'} TTL expired: p50 ${fmt(percentile(expiredWalls, 50))} (${(percentile(expiredWalls, 50) / slowest).toFixed(2)}x slowest chain), ${expiredCalls} AWS calls = ${(expiredCalls / envCount).toFixed(1)} per environment (${Object.entries(expiredByOp).map(([k, v]) => `${k} ${v}`).join(', ')})`,
      `warm view (${WARM_VIEWS} views): p50 ${fmt(percentile(warm, 50))}, p95 ${fmt(percentile(warm, 95))}, ${warmCalls} AWS calls`,
      `cold view with no added latency (moto + SDK alone): p50 ${fmt(percentile(bareWalls, 50))} (runs: ${bareWalls.map(w => w.toFixed(0)).join(', ')} ms; ${bareCalls} calls)`,
      cpuLine,
      `at higher latency: ${sweep.join('; ')}`,
      `${VIEWERS} concurrent viewers, cold cache: ${crowdCalls} AWS calls (one viewer: ${coldCalls}), ${fmt(crowdWall)} wall`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await aws.stop();
  }
}

main().catch(e => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
